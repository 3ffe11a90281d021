// The app router only assembles; each area's procedures live in their own router file.
import { createCallerFactory, createTRPCRouter } from "../trpc";
import { connectionsRouter } from "./connections";
import { connectionDetailRouter } from "./connection-detail";
import { meRouter } from "./me";

export const appRouter = createTRPCRouter({
  me: meRouter,
  connections: connectionsRouter,
  detail: connectionDetailRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
