import { DEMO_PASSWORD, DEMO_USERS } from "../server/demo-data/seed-demo";

export function printDemoSignIns(): void {
  console.log(`\nDemo sign-ins (password: ${DEMO_PASSWORD})`);
  for (const u of DEMO_USERS)
    console.log(`  ${u.email.padEnd(26)} ${u.role}${u.tenant ? ` (${u.tenant})` : " (all tenants)"}`);
}
