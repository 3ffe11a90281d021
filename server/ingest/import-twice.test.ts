// Hardening defect 12: importing the same file twice must report every record unchanged, for
// every format and whatever optional fields a record has or lacks (absent, null, empty, present);
// and what was stored must export back to the record as sent.
import fc from "fast-check";
import { expect, it } from "vitest";
import { seedBase } from "../demo-data/seed-demo";
import { ADAPTERS, ADAPTER_FORMATS, type AdapterFormat } from "../adapters";
import { describeEachDb } from "../test/databases";
import { propertySeed } from "../test/property-seed";
import { loadMappedConnection } from "./load-mapped-connection";
import { ID_KEY, recordFile } from "./record-arbitraries";
import { ingestText, tenantRow } from "./test-support";

const FIRST = "2026-03-01T09:00:00.000Z";
const SECOND = "2026-03-02T17:30:00.000Z";
// PROPERTY_RUNS=500 for a deeper search than the default run.
const RUNS = Number(process.env.PROPERTY_RUNS ?? 40);
// The seed that found the Codat error-order defect (server/test/property-seed.ts).
const SEED = propertySeed(-1598379162);

/**
 * The generated file with ids unique to this run, as the JSON text sent and as parsed back.
 * Fresh ids each run: shrinking replays values, and a stored connection keeps the errors of
 * earlier imports (errors are history), so a replay would not be a re-send.
 */
function fileText(format: AdapterFormat, records: Record<string, unknown>[], run: string) {
  const text = JSON.stringify(records.map((r, i) => ({ ...r, [ID_KEY[format]]: `${format}-${run}-${i}` })));
  return { text, sent: JSON.parse(text) as unknown[] };
}

describeEachDb(
  "ingest: the same file twice",
  (get) => {
    for (const format of ADAPTER_FORMATS) {
      it(`${format}: every record is unchanged the second time`, async () => {
        const { db } = get();
        const acme = await tenantRow(db, "acme");
        let run = 0;
        let landed = 0;
        await fc.assert(
          fc.asyncProperty(recordFile(format), async (records) => {
            const { text } = fileText(format, records, `twice-${(run += 1)}`);
            const first = await ingestText(db, format, text, { tenant: acme, now: () => FIRST });
            const second = await ingestText(db, format, text, { tenant: acme, now: () => SECOND });
            expect(second.results).toEqual(
              first.results.map((r) => (r.status === "rejected" ? r : { ...r, status: "unchanged" })),
            );
            landed += first.results.filter((r) => r.status !== "rejected").length;
          }),
          { numRuns: RUNS, seed: SEED },
        );
        // Enough generated records are valid (JSON Schema rejects every null) to make it count.
        expect(landed).toBeGreaterThan(RUNS / 4);
      });

      it(`${format}: the stored connection exports as the record was sent`, async () => {
        const { db } = get();
        const acme = await tenantRow(db, "acme");
        let run = 0;
        await fc.assert(
          fc.asyncProperty(recordFile(format), async (records) => {
            const { text, sent } = fileText(format, records, `export-${(run += 1)}`);
            const { results } = await ingestText(db, format, text, { tenant: acme, now: () => FIRST });
            for (const [i, result] of results.entries()) {
              if (result.status === "rejected") continue;
              const stored = await loadMappedConnection(db, result.id ?? "");
              expect(stored && ADAPTERS[format].export(stored)).toStrictEqual(sent[i]);
            }
          }),
          { numRuns: RUNS, seed: SEED },
        );
      });
    }
  },
  async ({ db }) => {
    await seedBase(db, Date.parse("2026-11-01T12:00:00Z"));
  },
);
