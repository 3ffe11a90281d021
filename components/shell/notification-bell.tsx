"use client";
// The notification bell: alert notifications of the user's scope with an unread count, each a
// link to its connection (or error group); opening one marks it read, and all can be marked read.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Bell } from "lucide-react";
import Link from "next/link";
import { useTRPC } from "@/components/providers/trpc-client";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import { RelativeTime } from "@/components/ui/relative-time";

export function NotificationBell() {
  const trpc = useTRPC();
  const qc = useQueryClient();
  const list = useQuery(trpc.alerts.notifications.queryOptions({ limit: 10 }, { refetchInterval: 30_000 }));
  const refresh = () => qc.invalidateQueries({ queryKey: trpc.alerts.notifications.queryKey() });
  const mark = useMutation(trpc.alerts.markRead.mutationOptions({ onSuccess: refresh }));
  const unread = list.data?.unread ?? 0;
  const items = list.data?.items ?? [];
  const label = unread > 0 ? `Notifications, ${unread} unread` : "Notifications";
  return (
    <DropdownMenu>
      <DropdownMenuTrigger asChild>
        <Button variant="ghost" size="icon" className="relative" aria-label={label} data-testid="notification-bell">
          <Bell className="size-4" aria-hidden="true" />
          {unread > 0 ? (
            <span
              data-testid="notification-unread"
              className="absolute -right-0.5 -top-0.5 min-w-4 rounded-full bg-destructive px-1 text-center text-[10px] font-semibold leading-4 text-destructive-foreground"
            >
              {unread > 99 ? "99+" : unread}
            </span>
          ) : null}
        </Button>
      </DropdownMenuTrigger>
      <DropdownMenuContent align="end" className="w-80 max-w-[calc(100vw-1rem)]">
        <div className="flex items-center justify-between gap-2">
          <DropdownMenuLabel>Notifications</DropdownMenuLabel>
          {unread > 0 ? (
            <button
              type="button"
              className="mr-2 rounded px-1 text-xs text-muted-foreground underline-offset-2 hover:underline focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring"
              onClick={() => mark.mutate({ all: true })}
            >
              Mark all read
            </button>
          ) : null}
        </div>
        <DropdownMenuSeparator />
        {items.length === 0 ? (
          <div className="px-2 py-3 text-sm text-muted-foreground">No notifications yet.</div>
        ) : (
          items.map((n) => (
            <DropdownMenuItem key={n.id} asChild>
              <Link
                href={n.href}
                onClick={() => (n.read ? undefined : mark.mutate({ ids: [n.id] }))}
                className="flex items-start gap-2"
                data-testid="notification-item"
              >
                <span
                  aria-hidden="true"
                  className={cn("mt-1.5 size-2 shrink-0 rounded-full", n.read ? "bg-transparent" : "bg-primary")}
                />
                <span className="flex min-w-0 flex-col">
                  <span className={cn("line-clamp-2 text-sm", n.read ? "text-muted-foreground" : "font-medium")}>
                    {n.read ? null : <span className="sr-only">Unread: </span>}
                    {n.title}
                  </span>
                  <span className="text-xs text-muted-foreground">
                    {n.rule_name} · <RelativeTime value={n.created_at} focusable={false} />
                  </span>
                </span>
              </Link>
            </DropdownMenuItem>
          ))
        )}
        <DropdownMenuSeparator />
        <DropdownMenuItem asChild>
          <Link href="/alerts">Alert rules and all notifications</Link>
        </DropdownMenuItem>
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
