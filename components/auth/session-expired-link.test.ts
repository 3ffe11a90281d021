// A signed-out call to the tRPC endpoint answers 401 with tRPC's UNAUTHORIZED body, and the
// browser client turns it into "session expired" and a trip to sign-in that comes back here.
import { createTRPCClient, httpBatchLink, TRPCClientError } from "@trpc/client";
import superjson from "superjson";
import { afterEach, expect, it, vi } from "vitest";
import { toast } from "@/components/ui/toast";
import { handleTRPCRequest } from "@/server/http/trpc-handler";
import { publicOrigin } from "@/server/http/public-origin";
import type { AppRouter } from "@/server/routers";
import { createTRPCContext } from "@/server/trpc";
import { createTestDb } from "@/server/test/databases";
import { isUnauthorized, SESSION_EXPIRED_MESSAGE, sessionExpiredLink, signInAgainUrl } from "./session-expired-link";

vi.mock("@/components/ui/toast", () => ({ toast: vi.fn() }));
afterEach(() => vi.unstubAllGlobals());

it("builds the sign-in URL that returns to the current page", () => {
  const url = new URL(
    signInAgainUrl({ pathname: "/connections", search: "?status=error&q=a b", hash: "#x" }),
    "http://h",
  );
  expect(url.pathname).toBe("/login");
  expect(url.searchParams.get("callbackUrl")).toBe("/connections?status=error&q=a b#x");
  expect(url.searchParams.get("expired")).toBe("1");
});

it("a signed-out tRPC call gets 401 UNAUTHORIZED, and the client goes to sign-in once", async () => {
  const test = await createTestDb("sqlite");
  try {
    const serve = (req: Request) =>
      handleTRPCRequest(req, () => Promise.resolve(createTRPCContext(test.db, null, publicOrigin())));
    // The raw answer: status and body as an API client sees them.
    const raw = await serve(
      new Request(`${publicOrigin()}/api/trpc/connections.list?input=${encodeURIComponent("{}")}`),
    );
    expect(raw.status).toBe(401);
    expect(raw.headers.get("content-type")).toMatch(/application\/json/);
    const body = (await raw.json()) as {
      error: { json: { message: string; data: { code: string; httpStatus: number } } };
    };
    expect(body.error.json.data).toMatchObject({ code: "UNAUTHORIZED", httpStatus: 401 });
    expect(body.error.json.message).toBe("Sign in to continue.");

    // The browser client, with the link in front.
    const assign = vi.fn();
    vi.stubGlobal("window", {
      location: { pathname: "/connections/con_1", search: "?tab=runs", hash: "", assign },
      setTimeout: (fn: () => void) => fn(),
    });
    vi.stubGlobal("fetch", (input: RequestInfo | URL, init?: RequestInit) =>
      serve(new Request(input instanceof Request ? input.url : new URL(input, publicOrigin()), init)),
    );
    const client = createTRPCClient<AppRouter>({
      links: [sessionExpiredLink, httpBatchLink({ url: `${publicOrigin()}/api/trpc`, transformer: superjson })],
    });
    const error: unknown = await client.connections.list.query({}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TRPCClientError);
    expect(isUnauthorized(error)).toBe(true);
    await client.connections.list.query({}).catch(() => undefined);
    expect(assign).toHaveBeenCalledTimes(1);
    expect(assign).toHaveBeenCalledWith("/login?callbackUrl=%2Fconnections%2Fcon_1%3Ftab%3Druns&expired=1");
    expect(vi.mocked(toast)).toHaveBeenCalledTimes(1);
    expect(vi.mocked(toast)).toHaveBeenCalledWith(expect.objectContaining({ title: SESSION_EXPIRED_MESSAGE }));
  } finally {
    await test.drop();
  }
});

it("leaves other errors alone", () => {
  expect(isUnauthorized(new Error("x"))).toBe(false);
  expect(SESSION_EXPIRED_MESSAGE).toMatch(/session expired/i);
});
