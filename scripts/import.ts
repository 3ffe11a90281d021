// npm run import -- FILE --format codat|unified|dto|schema [--tenant SLUG] — see docs/INGEST.md.
import { getDb } from "../server/database";
import { migrateToLatest } from "../db/migrate";
import { runImportCli } from "../server/ingest/import-cli";

const db = getDb();
try {
  await migrateToLatest(db);
  process.exitCode = await runImportCli(db, process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr });
} catch (error) {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exitCode = 2;
} finally {
  await db.destroy();
}
