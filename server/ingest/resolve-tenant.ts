// Which tenant a record belongs to: the API key's tenant (a hard scope) or `--tenant` /
// `?tenant=` (a default), else the tenant the record itself names (tenants.id or slug), else
// the tenant that already owns the connection. A connection never moves between tenants.
import type { DB } from "../../db";
import type { AdapterIssue } from "../adapters";
import type { TenantDirectory, TenantRow } from "./types";

export async function loadTenantDirectory(db: DB): Promise<TenantDirectory> {
  const rows = await db.selectFrom("tenants").select(["id", "slug", "time_zone"]).execute();
  const byRef = new Map<string, TenantRow>();
  for (const row of rows) {
    byRef.set(row.id, row);
    byRef.set(row.slug, row);
  }
  return { find: (ref) => byRef.get(ref) ?? null };
}

export interface TenantQuestion {
  recordPath: string;
  /** What the record names (JSON-schema `tenant_id`), if anything. */
  tenantRef: string | null;
  /** The tenant that already owns the connection, if it exists. */
  ownerTenantId: string | null;
  explicit: TenantRow | null;
  explicitIsScope: boolean;
  tenants: TenantDirectory;
}

export function resolveTenant(q: TenantQuestion): { ok: true; tenant: TenantRow } | { ok: false; issue: AdapterIssue } {
  const refPath = `${q.recordPath}.tenant_id`;
  let named: TenantRow | null = null;
  if (q.tenantRef !== null) {
    named = q.tenants.find(q.tenantRef);
    if (!named && !q.explicit) {
      return {
        ok: false,
        issue: { path: refPath, reason: `unknown tenant "${q.tenantRef}": no tenant has this id or slug` },
      };
    }
    if (named && q.explicit && named.id !== q.explicit.id) {
      const who = q.explicitIsScope ? "this API key is scoped to" : "this import is for";
      return {
        ok: false,
        issue: { path: refPath, reason: `names tenant "${q.tenantRef}" but ${who} tenant "${q.explicit.slug}"` },
      };
    }
  }
  const owner = q.ownerTenantId === null ? null : q.tenants.find(q.ownerTenantId);
  const tenant = q.explicit ?? named ?? owner;
  if (!tenant) {
    return {
      ok: false,
      issue: {
        path: q.recordPath,
        reason:
          "no tenant: use an API key scoped to a tenant, ?tenant=SLUG, --tenant SLUG, or a tenant_id in the record",
      },
    };
  }
  if (q.ownerTenantId !== null && q.ownerTenantId !== tenant.id) {
    return {
      ok: false,
      issue: {
        path: q.recordPath,
        reason: "this connection belongs to another tenant; ingest never moves a connection between tenants",
      },
    };
  }
  return { ok: true, tenant };
}
