import { createContext } from "@/server/context";
import { handleTRPCRequest } from "@/server/http/trpc-handler";

const handler = (req: Request) => handleTRPCRequest(req, () => createContext());

export { handler as GET, handler as POST };
