// npm run api-key -- create --name NAME --scopes a,b [--tenant SLUG] [--platform P] | list | revoke ID
// See docs/API.md. The key is printed alone on the last line of `create`.
import { userInfo } from "node:os";
import { migrateToLatest } from "../db/migrate";
import { runApiKeyCli } from "../server/api-keys/api-key-cli";
import { getDb } from "../server/database";

function operatorName(): string {
  try {
    return userInfo().username || "operator";
  } catch {
    return "operator";
  }
}

const db = getDb();
try {
  await migrateToLatest(db);
  process.exitCode = await runApiKeyCli(
    db,
    process.argv.slice(2),
    { stdout: process.stdout, stderr: process.stderr },
    operatorName(),
  );
} catch (error) {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exitCode = 2;
} finally {
  await db.destroy();
}
