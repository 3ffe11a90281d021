// Saved list views and remembered table preferences: personal to the signed-in user, so every
// query is by ctx.user.id (no tenant data is stored: a view is only a URL query string).
import { NotFoundError } from "../errors";
import { newId, nowIso } from "../ids";
import type { SavedView, TablePrefs } from "./views.types";
import type { TenantScope } from "../scope/tenant-scope";

export async function listSavedViews(scope: TenantScope, table: string): Promise<SavedView[]> {
  return scope
    .savedViews()
    .select(["id", "name", "query", "updated_at"])
    .where("table_key", "=", table)
    .orderBy("name")
    .execute();
}

/** Saves under a name; saving an existing name replaces that view. */
export async function saveView(
  scope: TenantScope,
  input: { table: string; name: string; query: string },
): Promise<SavedView> {
  const at = nowIso();
  const row = await scope
    .insertInto("saved_views")
    .values({
      id: newId("view"),
      user_id: scope.requireUser().id,
      table_key: input.table,
      name: input.name,
      query: input.query,
      created_at: at,
      updated_at: at,
    })
    .onConflict((oc) =>
      oc.columns(["user_id", "table_key", "name"]).doUpdateSet({ query: input.query, updated_at: at }),
    )
    .returning(["id", "name", "query", "updated_at"])
    .executeTakeFirstOrThrow();
  return row;
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
