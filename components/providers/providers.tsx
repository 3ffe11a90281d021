"use client";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { createTRPCClient, httpBatchLink, splitLink } from "@trpc/client";
import { NuqsAdapter } from "nuqs/adapters/next/app";
import { useState, type ReactNode } from "react";
import superjson from "superjson";
import { sessionExpiredLink } from "@/components/auth/session-expired-link";
import type { AppRouter } from "@/server/routers";
import { TRPCProvider } from "./trpc-client";

// The server refuses GET URLs over 8 KB (server/http/trpc-handler.ts): a query with a long input
// goes as POST instead, and batches of short ones are split before their URL gets long.
const LONG_QUERY_INPUT = 4000;
const isLongQuery = (type: string, input: unknown) =>
  type === "query" && encodeURIComponent(JSON.stringify(superjson.serialize(input))).length > LONG_QUERY_INPUT;

function makeQueryClient() {
  return new QueryClient({ defaultOptions: { queries: { staleTime: 30_000, retry: 1 } } });
}

export function Providers({ children }: { children: ReactNode }) {
  const [queryClient] = useState(makeQueryClient);
  const [trpcClient] = useState(() =>
    createTRPCClient<AppRouter>({
      links: [
        sessionExpiredLink,
        splitLink({
          condition: (op) => isLongQuery(op.type, op.input),
          true: httpBatchLink({ url: "/api/trpc", transformer: superjson, methodOverride: "POST" }),
          false: httpBatchLink({ url: "/api/trpc", transformer: superjson, maxURLLength: 6000 }),
        }),
      ],
    }),
  );
  return (
    <QueryClientProvider client={queryClient}>
      <TRPCProvider trpcClient={trpcClient} queryClient={queryClient}>
        <NuqsAdapter>{children}</NuqsAdapter>
      </TRPCProvider>
    </QueryClientProvider>
  );
}
