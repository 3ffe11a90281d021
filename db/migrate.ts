import { Migrator, sql, type MigrationProvider } from "kysely";
import { dbKind, type DB } from "./index";
import { migrations } from "./migrations";

const provider: MigrationProvider = { getMigrations: () => Promise.resolve(migrations) };

/** Brings the schema up to date; throws with the failing migration's name on error. */
export async function migrateToLatest(db: DB): Promise<string[]> {
  // Kysely looks for its migration tables in every schema unless told which: with test and
  // benchmark schemas side by side in one PostgreSQL database, it must be the current one.
  const schema =
    dbKind(db) === "postgres"
      ? (await sql<{ s: string }>`SELECT current_schema() AS s`.execute(db)).rows[0]?.s
      : undefined;
  // Unordered: migrations written in parallel land with earlier names after later ones ran.
  const migrator = new Migrator({ db, provider, migrationTableSchema: schema, allowUnorderedMigrations: true });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === "Error");
  if (error) {
    const cause = error instanceof Error ? error.message : JSON.stringify(error);
    throw new Error(`Migration ${failed?.migrationName ?? "?"} failed: ${cause}`);
  }
  return (results ?? []).filter((r) => r.status === "Success").map((r) => r.migrationName);
}
