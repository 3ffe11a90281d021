import Link from "next/link";
import type { ReactNode } from "react";
import { ThemeToggle } from "@/components/theme/theme-toggle";
import type { SessionUser } from "@/server/auth/session-user";
import { KeyboardShortcuts } from "./keyboard-shortcuts";
import { MobileNav } from "./mobile-nav";
import { NavLinks } from "./nav-links";
import { NotificationBell } from "./notification-bell";
import { UserMenu } from "./user-menu";
import { isStaff } from "@/lib/roles";

export interface NavItem {
  href: string;
  label: string;
}

export function navItemsFor(user: SessionUser): NavItem[] {
  const items: NavItem[] = [
    { href: "/", label: "Home" },
    { href: "/connections", label: "Connections" },
    { href: "/errors", label: "Error groups" },
    { href: "/alerts", label: "Alerts" },
  ];
  if (user.role !== "viewer") items.push({ href: "/relink", label: "Relink links" });
  items.push({ href: "/audit", label: "Audit log" });
  items.push({ href: "/settings/webhooks", label: "Webhooks" });
  if (isStaff(user)) items.push({ href: "/settings/api-keys", label: "API keys" });
  if (isStaff(user)) items.push({ href: "/mailbox", label: "Mailbox" });
  if (user.role !== "viewer") items.push({ href: "/settings/api", label: "API reference" });
  return items;
}

export function AppShell({ user, children }: { user: SessionUser; children: ReactNode }) {
  // One array for the three: the RSC payload then carries it once, not three times.
  const items = navItemsFor(user);
  return (
    <div className="flex min-h-screen flex-col">
      <a
        href="#main"
        className="sr-only z-50 rounded-md bg-background px-3 py-2 focus:not-sr-only focus:fixed focus:left-2 focus:top-2 focus:ring-2 focus:ring-ring"
      >
        Skip to content
      </a>
      <header className="sticky top-0 z-30 border-b border-border bg-background/95 backdrop-blur">
        <div className="relative mx-auto flex h-14 max-w-[1600px] items-center gap-2 px-3 sm:gap-4 sm:px-4">
          <MobileNav items={items} />
          <Link href="/" className="whitespace-nowrap font-semibold tracking-tight">
            <span className="sm:hidden">Console</span>
            <span className="hidden sm:inline">Connections console</span>
          </Link>
          <NavLinks items={items} />
          <div className="ml-auto flex min-w-0 items-center gap-1 sm:gap-2">
            <NotificationBell />
            <ThemeToggle />
            <UserMenu user={user} />
          </div>
        </div>
      </header>
      <KeyboardShortcuts items={items} />
      <main id="main" tabIndex={-1} className="mx-auto w-full min-w-0 max-w-[1600px] flex-1 px-3 py-6 sm:px-4">
        {children}
      </main>
    </div>
  );
}
