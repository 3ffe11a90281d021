// Malformed ingest input is reported by position and kind, never by quoting the input (which may
// hold a credential); text that breaks the input rule (NUL, lone surrogate) is refused per record.
import { expect, it } from "vitest";
import { POST } from "@/app/api/ingest/[kind]/route";
import { seedBase } from "../demo-data/seed-demo";
import { callerAs, staff } from "../test/callers";
import { describeEachDb } from "../test/databases";
import { readAllRecords } from "./read-records";
import { JsonSplitter } from "./json-splitter";

const SECRET = "sk_live_9f8e7d6c5b4a";

it("a broken record names line, column and kind, and not a byte of its text", async () => {
  const ndjson = [`{"id":"a"}`, `{"id":"b"}`, `{"id":"c","auth":{"password": ${SECRET}}}`].join("\n");
  const records = await readAllRecords(ndjson, "connections", "unified");
  expect(records.map((r) => r.problem ?? "ok")).toEqual([
    "ok",
    "ok",
    "invalid JSON (line 3): unexpected character (not the start of a JSON value; strings need double quotes) at column 31",
  ]);
  expect(JSON.stringify(records[2])).not.toContain(SECRET.slice(0, 6));
});

it("counts columns from the record's place on its line, across chunks", async () => {
  const array = `[{"id":"a"}, {"id": "b", "token": "${SECRET}" x}]`;
  const records = await readAllRecords(array, "connections", "unified");
  expect(records[1]?.problem).toBe(`invalid JSON (line 1): expected "," or "}" after a property value at column 58`);
  expect(JSON.stringify(records)).not.toContain(SECRET);
  const splitter = new JsonSplitter();
  const values = [...splitter.push("\n  [1,\n   {"), ...splitter.push('"a":1}, 3]'), ...splitter.end()];
  expect(values.map((v) => [v.line, v.column])).toEqual([
    [2, 4],
    [3, 4],
    [3, 13],
  ]);
});

it("refuses an escaped NUL or lone surrogate in any string or key, naming the field; pairs are fine", async () => {
  const text = [
    '{"id":"a","name":"x\\u0000"}',
    '{"id":"b","meta":{"note":"\\ud800"}}',
    '{"id":"c","meta":{"bad\\u0000key":1}}',
    '{"id":"d","name":"\\ud83d\\ude00 and a literal \\\\u0000"}',
  ].join("\n");
  const records = await readAllRecords(text, "connections", "unified");
  expect(records[0]?.problem).toBe(
    "field name contains a NUL character (U+0000), which is not allowed in text (line 1)",
  );
  expect(records[1]?.problem).toMatch(/^field meta\.note contains an unpaired UTF-16 surrogate.*\(line 2\)$/);
  expect(records[2]?.problem).toMatch(/^field meta\.bad\\u0000key \(a key\) contains a NUL/);
  expect(records[3]?.record).toEqual({ id: "d", name: "😀 and a literal \\u0000" });
});

describeEachDb(
  "ingest API: malformed input is described, not echoed",
  (get) => {
    const post = async (query: string, body: string, key: string) => {
      globalThis.consoleDb = get().db;
      const request = new Request(`http://localhost/api/ingest/connections?${query}`, {
        method: "POST",
        body,
        headers: { "content-type": "application/json", authorization: `Bearer ${key}` },
      });
      const response = await POST(request, { params: Promise.resolve({ kind: "connections" }) });
      return { status: response.status, text: await response.text() };
    };

    it("a record with a broken credential is rejected by position; the response holds none of it", async () => {
      const { key } = await callerAs(get().db, staff()).apiKeys.create({
        name: "u",
        platform: "unified",
        tenantId: null,
      });
      const body = `[{"id":"u1","auth":{"access_token": ${SECRET}}}]`;
      const res = await post("format=unified&tenant=acme", body, key);
      expect(res.status).toBe(200);
      expect(res.text).not.toContain(SECRET.slice(0, 6));
      expect(res.text).toContain("invalid JSON (line 1): unexpected character");
      const nul = await post("format=unified&tenant=acme", '[{"id":"u2","name":"a\\u0000b"}]', key);
      expect(nul.text).toContain("field name contains a NUL character");
    });

    it("a NUL in a query parameter is a 400 naming it", async () => {
      const res = await post("format=unified&tenant=ac%00me", "[]", "cck_whatever");
      expect(res.status).toBe(400);
      expect(JSON.parse(res.text)).toEqual({
        error:
          "Invalid input: query parameter tenant — Contains a NUL character (U+0000), which is not allowed in text.",
      });
    });
  },
  async ({ db }) => {
    await seedBase(db, Date.parse("2026-11-01T12:00:00Z"));
  },
);
