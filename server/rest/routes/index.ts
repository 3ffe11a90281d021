// Every REST v1 operation, in the order the API reference lists them.
import type { RestRoute } from "../rest-route";
import { getConnectionRoute, listConnectionsRoute } from "./connections";
import { getCredentialsRoute } from "./credentials";
import { pauseConnectionRoute, resumeConnectionRoute } from "./pause";
import { createRelinkLinkRoute, listRelinkLinksRoute, revokeRelinkLinkRoute } from "./relink-links";
import { listRunRequestsRoute, requestRunRoute } from "./run-requests";
import { listErrorGroupsRoute } from "./error-groups";

export const REST_ROUTES: readonly RestRoute[] = [
  listConnectionsRoute,
  getConnectionRoute,
  pauseConnectionRoute,
  resumeConnectionRoute,
  createRelinkLinkRoute,
  listRelinkLinksRoute,
  revokeRelinkLinkRoute,
  getCredentialsRoute,
  requestRunRoute,
  listRunRequestsRoute,
  listErrorGroupsRoute,
];
