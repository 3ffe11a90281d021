// Every migration, in order. Add new ones at the end; never edit a landed one.
import type { Migration } from "kysely";
import * as initial from "./2026-11-21-0001-initial";
import * as listSearch from "./2026-11-21-0002-list-search";
import * as relink from "./2026-11-21-0003-relink";
import * as eventsWebhooks from "./2026-12-02-0005-events-webhooks";
import * as webhookDueOrder from "./2026-12-02-0005-webhook-due-order";
import * as apiKeyScopes from "./2026-12-02-0004-api-key-scopes";
import * as operations from "./2026-12-02-0007-operations";
import * as operationsTimeBuckets from "./2026-12-02-0007-operations-time-buckets";
import * as operationsTimeline from "./2026-12-02-0007-operations-timeline";
import * as openErrorsSort from "./2026-12-02-0008-open-errors-sort";
import * as alerts from "./2026-12-02-0009-alerts";
import * as alertDelivery from "./2026-12-02-0010-alert-delivery";
import * as ingestDefersDerived from "./2026-12-02-0011-ingest-defers-derived";
import * as ingestDefersErrorGroups from "./2026-12-02-0012-ingest-defers-error-groups";
import * as createdFacets from "./2026-12-02-0013-created-facets";
import * as listWalkIndexes from "./2026-12-02-0014-list-walk-indexes";

export const migrations: Record<string, Migration> = {
  "2026-11-21-0001-initial": initial,
  "2026-11-21-0002-list-search": listSearch,
  "2026-11-21-0003-relink": relink,
  "2026-12-02-0005-events-webhooks": eventsWebhooks,
  "2026-12-02-0005-webhook-due-order": webhookDueOrder,
  "2026-12-02-0004-api-key-scopes": apiKeyScopes,
  "2026-12-02-0007-operations": operations,
  "2026-12-02-0007-operations-time-buckets": operationsTimeBuckets,
  "2026-12-02-0007-operations-timeline": operationsTimeline,
  "2026-12-02-0008-open-errors-sort": openErrorsSort,
  "2026-12-02-0009-alerts": alerts,
  "2026-12-02-0010-alert-delivery": alertDelivery,
  "2026-12-02-0011-ingest-defers-derived": ingestDefersDerived,
  "2026-12-02-0012-ingest-defers-error-groups": ingestDefersErrorGroups,
  "2026-12-02-0013-created-facets": createdFacets,
  "2026-12-02-0014-list-walk-indexes": listWalkIndexes,
};
