// npm run db:migrate — brings the configured database (DATABASE_URL or ./data SQLite) up to date.
import { defaultDbTarget, getDb } from "../server/database";
import { migrateToLatest } from "../db/migrate";

const db = getDb();
try {
  const applied = await migrateToLatest(db);
  console.log(`${defaultDbTarget().kind}: ${applied.length ? `applied ${applied.join(", ")}` : "already up to date"}`);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  await db.destroy();
}
