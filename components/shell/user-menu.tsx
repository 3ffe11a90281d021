"use client";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import { signOut } from "./sign-out";
import type { SessionUser } from "@/server/auth/session-user";

const ROLE_LABEL = { support: "Support", tenant_admin: "Tenant admin", viewer: "Viewer" } as const;

export function UserMenu({ user }: { user: SessionUser }) {
  const scope = user.tenantName ?? "All tenants";
  return (
    <DropdownMenu>
      <DropdownMenuTrigger asChild>
        {/* The name is the visible text after "Account:", so speech users can say what they see. */}
        <Button variant="ghost" className="min-w-0 gap-2 px-2 sm:px-3">
          <span className="sr-only">Account: </span>
          <span className="hidden truncate text-sm 2xl:inline">{user.email}</span>
          <span className="sr-only 2xl:hidden">{user.email} </span>
          <Badge variant="secondary">{ROLE_LABEL[user.role]}</Badge>
          {/* A wrapper hides it on phones: the badge's own display would win over `hidden`. */}
          <span className="hidden sm:inline">
            <Badge variant="outline" className="max-w-40 truncate">
              {scope}
            </Badge>
          </span>
        </Button>
      </DropdownMenuTrigger>
      <DropdownMenuContent align="end">
        <DropdownMenuLabel>
          <div className="text-sm font-medium">{user.name}</div>
          <div className="text-xs text-muted-foreground">
            {ROLE_LABEL[user.role]} · {scope}
          </div>
        </DropdownMenuLabel>
        <DropdownMenuSeparator />
        <DropdownMenuItem onSelect={() => void signOut("/login")}>Sign out</DropdownMenuItem>
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
