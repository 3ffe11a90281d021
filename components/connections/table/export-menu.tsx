"use client";
// Download the whole filtered list (not just this page) as CSV or JSON.
import { Download } from "lucide-react";
import { buttonClassName } from "@/components/ui/button";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";

export function ExportMenu({ query }: { query: string }) {
  const href = (format: "csv" | "json") => `/api/export/connections?${query ? `${query}&` : ""}format=${format}`;
  return (
    <DropdownMenu>
      <DropdownMenuTrigger className={buttonClassName("outline", "sm") + " h-8"}>
        <Download className="size-4" aria-hidden="true" />
        Export
      </DropdownMenuTrigger>
      <DropdownMenuContent align="end">
        <DropdownMenuLabel>All matching rows</DropdownMenuLabel>
        <DropdownMenuItem asChild>
          <a href={href("csv")} download>
            CSV
          </a>
        </DropdownMenuItem>
        <DropdownMenuItem asChild>
          <a href={href("json")} download>
            JSON
          </a>
        </DropdownMenuItem>
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
