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

/**
 * The console around every signed-in page. Its frame is a class a part (.shell, .skip-link,
 * .shell-header, .shell-bar, .shell-main in app/globals.css): each page's RSC payload carries the
 * shell twice (the page's, and the root not-found's), so its class lists travelled three times.
 */
export function AppShell({ user, children }: { user: SessionUser; children: ReactNode }) {
  // One array for the three: the RSC payload then carries it once, not three times.
  const items = navItemsFor(user);
  return (
    <div className="shell">
      <a href="#main" className="skip-link">
        Skip to content
      </a>
      <header className="shell-header">
        <div className="shell-bar">
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
      <main id="main" tabIndex={-1} className="shell-main">
        {children}
      </main>
    </div>
  );
}
