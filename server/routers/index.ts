// The app router only assembles; each area's procedures live in their own router file.
import { createCallerFactory, createTRPCRouter } from "../trpc";
import { connectionsRouter } from "./connections";
import { connectionDetailRouter } from "./connection-detail";
import { meRouter } from "./me";
import { viewsRouter } from "./views";
import { actionsRouter } from "./actions";
import { auditRouter } from "./audit";
import { relinkRouter } from "./relink";
import { apiKeysRouter } from "./api-keys";
import { homeRouter } from "./home";
import { errorGroupsRouter } from "./error-groups";
import { tagsRouter } from "./tags";
import { timelineRouter } from "./timeline";
import { webhooksRouter } from "./webhooks";
import { mailboxRouter } from "./mailbox";
import { alertsRouter } from "./alerts";

export const appRouter = createTRPCRouter({
  me: meRouter,
  views: viewsRouter,
  actions: actionsRouter,
  audit: auditRouter,
  connections: connectionsRouter,
  detail: connectionDetailRouter,
  relink: relinkRouter,
  apiKeys: apiKeysRouter,
  home: homeRouter,
  errorGroups: errorGroupsRouter,
  tags: tagsRouter,
  timeline: timelineRouter,
  webhooks: webhooksRouter,
  mailbox: mailboxRouter,
  alerts: alertsRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
