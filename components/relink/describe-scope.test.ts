import { expect, it } from "vitest";
import { describeScope } from "./describe-scope";

it("words common scopes plainly and keeps unknown ones as they are", () => {
  expect(describeScope("accounting.transactions.read")).toBe("See your accounting transactions");
  expect(describeScope("crm.objects.contacts.read")).toBe("See your CRM contacts");
  expect(describeScope("file:write")).toBe("See and change your file");
  expect(describeScope("read_orders")).toBe("See your orders");
  expect(describeScope("https://www.googleapis.com/auth/drive.readonly")).toBe("See your drive");
  expect(describeScope("offline_access")).toBe("Stay connected when you are not signed in");
  expect(describeScope("rest_webservices")).toBe("rest_webservices");
  expect(describeScope("read")).toBe("read");
});
