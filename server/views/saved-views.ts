// Saved list views and remembered table preferences. A view is personal to the signed-in user
// (every change is by ctx.user.id); its owner may share it with their tenant, or, as support
// staff, with every support user. Only the owner changes or deletes it. No tenant data is stored:
// a view is only a URL query string, and opening one still reads through the viewer's own scope.
import { isStaff } from "../auth/session-user";
import { BadRequestError, NotFoundError } from "../errors";
import { newId, nowIso } from "../ids";
import type { SavedView, TablePrefs } from "./views.types";
import type { TenantScope } from "../scope/tenant-scope";

type Shared = SavedView["shared"];
const COLUMNS = ["id", "name", "query", "updated_at", "shared", "owner_label"] as const;

/** The caller's own views first, then those shared with them, each by name. */
export async function listSavedViews(scope: TenantScope, table: string): Promise<SavedView[]> {
  const mine = await scope.savedViews().select(COLUMNS).where("table_key", "=", table).orderBy("name").execute();
  const shared = await scope
    .sharedSavedViews()
    .select(COLUMNS)
    .where("table_key", "=", table)
    .orderBy("name")
    .orderBy("id")
    .limit(200)
    .execute();
  return [
    ...mine.map(({ owner_label: _owner, ...v }) => ({ ...v, mine: true, owner: null })),
    ...shared.map(({ owner_label, ...v }) => ({ ...v, mine: false, owner: owner_label })),
  ];
}

/** Support staff share with staff, a tenant's users with their tenant; nothing else. */
function checkShare(scope: TenantScope, shared: Shared): Shared {
  if (shared === null) return null;
  const user = scope.requireUser();
  if (isStaff(user) && shared !== "staff")
    throw new BadRequestError("shared: support staff share views with all staff ('staff').");
  if (!isStaff(user) && shared !== "tenant")
    throw new BadRequestError("shared: you can share views with your tenant ('tenant').");
  return shared;
}

/** Saves under a name; saving an existing name replaces that view (and keeps its sharing unless given). */
export async function saveView(
  scope: TenantScope,
  input: { table: string; name: string; query: string; shared?: Shared },
): Promise<SavedView> {
  const at = nowIso();
  const user = scope.requireUser();
  const shared = input.shared === undefined ? undefined : checkShare(scope, input.shared);
  const row = await scope
    .insertInto("saved_views")
    .values({
      id: newId("view"),
      user_id: user.id,
      table_key: input.table,
      name: input.name,
      query: input.query,
      created_at: at,
      updated_at: at,
      shared: shared ?? null,
      tenant_id: user.tenantId,
      owner_label: user.email,
    })
    .onConflict((oc) =>
      oc
        .columns(["user_id", "table_key", "name"])
        .doUpdateSet({ query: input.query, updated_at: at, ...(shared === undefined ? {} : { shared }) }),
    )
    .returning(COLUMNS)
    .executeTakeFirstOrThrow();
  const { owner_label: _owner, ...view } = row;
  return { ...view, mine: true, owner: null };
}

/** Shares or unshares one of the caller's own views; another's is not found. */
export async function shareView(scope: TenantScope, id: string, shared: Shared): Promise<SavedView> {
  const value = checkShare(scope, shared);
  const user = scope.requireUser();
  const updated = await scope
    .updateSavedViews()
    .set({ shared: value, tenant_id: user.tenantId, owner_label: user.email, updated_at: nowIso() })
    .where("saved_views.id", "=", id)
    .executeTakeFirst();
  if (Number(updated.numUpdatedRows) === 0) throw new NotFoundError("That saved view does not exist.");
  const view = (await listSavedViews(scope, await tableOf(scope, id))).find((v) => v.id === id);
  if (!view) throw new NotFoundError("That saved view does not exist.");
  return view;
}

async function tableOf(scope: TenantScope, id: string): Promise<string> {
  const row = await scope.savedViews().select("table_key").where("id", "=", id).executeTakeFirst();
  if (!row) throw new NotFoundError("That saved view does not exist.");
  return row.table_key;
}

export async function deleteView(scope: TenantScope, id: string): Promise<void> {
  const res = await scope.deleteSavedViews().where("id", "=", id).executeTakeFirst();
  if (Number(res.numDeletedRows) === 0) throw new NotFoundError("That saved view does not exist.");
}

/** Until a user chooses, the connections table hides its less-used columns. */
export const DEFAULT_PREFS: TablePrefs = {
  hiddenColumns: ["platform", "environment", "external_xref", "created_at"],
  density: "comfortable",
};

export async function getTablePrefs(scope: TenantScope, table: string): Promise<TablePrefs> {
  const row = await scope
    .tablePrefs()
    .select(["hidden_columns", "density"])
    .where("table_key", "=", table)
    .executeTakeFirst();
  if (!row) return DEFAULT_PREFS;
  let hidden: unknown;
  try {
    hidden = JSON.parse(row.hidden_columns);
  } catch {
    hidden = [];
  }
  return {
    hiddenColumns: Array.isArray(hidden) ? hidden.filter((c): c is string => typeof c === "string") : [],
    density: row.density === "compact" ? "compact" : "comfortable",
  };
}

export async function setTablePrefs(scope: TenantScope, table: string, prefs: TablePrefs): Promise<TablePrefs> {
  const values = { hidden_columns: JSON.stringify(prefs.hiddenColumns), density: prefs.density, updated_at: nowIso() };
  await scope
    .insertInto("user_table_prefs")
    .values({ user_id: scope.requireUser().id, table_key: table, ...values })
    .onConflict((oc) => oc.columns(["user_id", "table_key"]).doUpdateSet(values))
    .execute();
  return prefs;
}
