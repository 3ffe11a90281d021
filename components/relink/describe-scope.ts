// The wording lives in lib/ so the relink e-mail (server/email) says exactly what the consent page says.
export { describeScope } from "@/lib/describe-scope";
