"use client";
// After a state change: re-render server components (pages read through the server caller)
// and refetch client queries (lists, detail tabs, audit) that may show the old state.
import { useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useCallback } from "react";

export function useAfterAction(): () => void {
  const router = useRouter();
  const queryClient = useQueryClient();
  return useCallback(() => {
    router.refresh();
    void queryClient.invalidateQueries();
  }, [router, queryClient]);
}
