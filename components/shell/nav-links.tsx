"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";
import type { NavItem } from "./app-shell";

/** The current page is the item's, or below it ("/" is home only, not every page below it). */
export const isActive = (pathname: string, href: string): boolean =>
  pathname === href || (href !== "/" && pathname.startsWith(`${href}/`));

/** The links in one row on wide screens; MobileNav holds them below 1360 px (nine links and the account need that much). */
export function NavLinks({ items }: { items: NavItem[] }) {
  const pathname = usePathname();
  return (
    <nav aria-label="Main" className="hidden items-center gap-1 text-sm min-[1360px]:flex">
      {items.map((item) => {
        return (
          <Link
            key={item.href}
            href={item.href}
            aria-current={isActive(pathname, item.href) ? "page" : undefined}
            className="nav-link" // app/globals.css: muted, or the current page's look by aria-current
          >
            {item.label}
          </Link>
        );
      })}
    </nav>
  );
}
