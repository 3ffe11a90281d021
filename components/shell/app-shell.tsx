import Link from "next/link";
import type { ReactNode } from "react";
import { ThemeToggle } from "@/components/theme/theme-toggle";
import type { SessionUser } from "@/server/auth/session-user";
import { NavLinks } from "./nav-links";
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
  return (
    <div className="flex min-h-screen flex-col">
      <header className="sticky top-0 z-30 border-b border-border bg-background/95 backdrop-blur">
        <div className="mx-auto flex h-14 max-w-[1600px] items-center gap-6 px-4">
          <Link href="/" className="font-semibold tracking-tight">
            Connections console
          </Link>
          <NavLinks items={navItemsFor(user)} />
          <div className="ml-auto flex items-center gap-2">
            <ThemeToggle />
            <UserMenu user={user} />
          </div>
        </div>
      </header>
      <main className="mx-auto w-full max-w-[1600px] flex-1 px-4 py-6">{children}</main>
    </div>
  );
}
