// Every REST v1 operation, in the order the API reference lists them.
import type { RestRoute } from "../rest-route";
import { getConnectionRoute, listConnectionsRoute } from "./connections";
import { getCredentialsRoute } from "./credentials";
import { pauseConnectionRoute, resumeConnectionRoute } from "./pause";
import { createRelinkLinkRoute, listRelinkLinksRoute, revokeRelinkLinkRoute } from "./relink-links";
import { listRunRequestsRoute, requestRunRoute } from "./run-requests";
import { listEventsRoute } from "./events";
import {
  createWebhookEndpointRoute,
  deleteWebhookEndpointRoute,
  getWebhookEndpointRoute,
  listDeliveriesRoute,
  listWebhookEndpointsRoute,
  redeliverRoute,
  rotateWebhookSecretRoute,
  testWebhookEndpointRoute,
} from "./webhooks";
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
  listWebhookEndpointsRoute,
  createWebhookEndpointRoute,
  getWebhookEndpointRoute,
  deleteWebhookEndpointRoute,
  rotateWebhookSecretRoute,
  testWebhookEndpointRoute,
  listDeliveriesRoute,
  redeliverRoute,
  listEventsRoute,
  listErrorGroupsRoute,
];
