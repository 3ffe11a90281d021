import { expect, it } from "vitest";
import { describeScope } from "./describe-scope";

it("words common scopes plainly", () => {
  expect(describeScope("accounting.transactions.read")).toBe("See your accounting transactions");
  expect(describeScope("crm.objects.contacts.read")).toBe("See your CRM contacts");
  expect(describeScope("file:write")).toBe("See and change your file");
  expect(describeScope("read_orders")).toBe("See your orders");
  expect(describeScope("https://www.googleapis.com/auth/drive.readonly")).toBe("See your drive");
  expect(describeScope("offline_access")).toBe("Stay connected when you are not signed in");
});

it("reads read-only and read-write as one word, not as 'your only'", () => {
  expect(describeScope("read_only")).toBe("See your data, without changing it");
  expect(describeScope("read-only")).toBe("See your data, without changing it");
  expect(describeScope("read_write")).toBe("See and change your data");
  expect(describeScope("read")).toBe("See your data, without changing it");
  expect(describeScope("invoices.read_only")).toBe("See your invoices");
});

it("falls back to a sentence with the scope's own words for unknown scopes", () => {
  expect(describeScope("rest_webservices")).toBe("Access to rest webservices");
  expect(describeScope("session:role:analyst")).toBe("Access to session role analyst");
  expect(describeScope("***")).toBe("Access named “***”");
});
