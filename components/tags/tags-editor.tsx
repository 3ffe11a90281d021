"use client";
// A connection's tags on its detail page: shown to everyone, added (Enter or comma) and removed
// by those who may change connections. Each change is saved at once, and audited.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { X } from "lucide-react";
import Link from "next/link";
import { useId, useState } from "react";
import { readActionError } from "@/components/actions/action-error";
import { useCanWrite } from "@/components/actions/use-action-access";
import { useTRPC } from "@/components/providers/trpc-client";
import { Badge } from "@/components/ui/badge";
import { Input } from "@/components/ui/input";
import { serializeListUrlState } from "@/lib/list-url-state";
import { parseTags } from "./parse-tags";

export function TagsEditor({ connectionId }: { connectionId: string }) {
  const trpc = useTRPC();
  const client = useQueryClient();
  const canWrite = useCanWrite();
  const id = useId();
  const key = trpc.tags.forConnection.queryKey({ connectionId });
  const tags = useQuery(trpc.tags.forConnection.queryOptions({ connectionId }));
  const [text, setText] = useState("");
  const [error, setError] = useState<string | null>(null);
  const save = useMutation(
    trpc.tags.set.mutationOptions({
      onSuccess: (r) => {
        client.setQueryData(key, r);
        setError(null);
      },
      onError: (e) => setError(readActionError(e).message),
    }),
  );
  const current = tags.data?.tags ?? [];
  const commit = () => {
    const added = parseTags(text);
    if (added.length === 0) return;
    setText("");
    save.mutate({ connectionId, tags: [...current, ...added] });
  };
  return (
    <div className="space-y-1.5">
      <label htmlFor={`${id}-tag`} className="text-sm font-medium">
        Tags
      </label>
      <div className="flex flex-wrap items-center gap-1.5">
        {current.length === 0 && !canWrite ? <span className="text-sm text-muted-foreground">None</span> : null}
        {current.map((t) => (
          <Badge key={t} variant="outline" className="gap-1 font-normal">
            <Link href={serializeListUrlState("/connections", { tag: [t] })} className="hover:underline">
              {t}
            </Link>
            {canWrite ? (
              <button
                type="button"
                aria-label={`Remove tag ${t}`}
                className="rounded-sm opacity-70 hover:opacity-100 focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring"
                disabled={save.isPending}
                onClick={() => save.mutate({ connectionId, tags: current.filter((x) => x !== t) })}
              >
                <X className="size-3" aria-hidden />
              </button>
            ) : null}
          </Badge>
        ))}
        {canWrite ? (
          <Input
            id={`${id}-tag`}
            value={text}
            placeholder="Add a tag…"
            className="h-7 w-40"
            maxLength={200}
            disabled={save.isPending}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? `${id}-error` : undefined}
            onChange={(e) => setText(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === "Enter" || e.key === ",") {
                e.preventDefault();
                commit();
              }
            }}
            onBlur={commit}
          />
        ) : null}
      </div>
      {error ? (
        <p id={`${id}-error`} role="alert" className="text-sm text-destructive">
          {error}
        </p>
      ) : null}
    </div>
  );
}
