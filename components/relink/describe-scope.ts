// The wording lives in lib/ so the relink e-mail (server/email) uses the same sentences.
export { describeScope } from "@/lib/describe-scope";
