import "server-only";
import { cache } from "react";
import { createContext } from "./context";
import { createCaller } from "./routers";

/** tRPC server caller for server components: one per request. */
export const getServerCaller = cache(async () => createCaller(await createContext()));
