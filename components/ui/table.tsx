import * as React from "react";
import { cn } from "./cn";

// Plain semantic table parts; the data-table (components/data-table) adds behaviour. Their look is
// one `ui-table` class on the <table> (app/globals.css): rows and cells carry no class of their
// own, so a long table's HTML is its content. A className on a part still overrides it.
export function Table({ className, ...props }: React.ComponentProps<"table">) {
  return (
    <div className="relative w-full overflow-x-auto">
      <table className={cn("ui-table", className)} {...props} />
    </div>
  );
}

export function TableHeader(props: React.ComponentProps<"thead">) {
  return <thead {...props} />;
}

export function TableBody(props: React.ComponentProps<"tbody">) {
  return <tbody {...props} />;
}

export function TableFooter({ className, ...props }: React.ComponentProps<"tfoot">) {
  return <tfoot className={cn("border-t bg-muted/50 font-medium", className)} {...props} />;
}

export function TableRow(props: React.ComponentProps<"tr">) {
  return <tr {...props} />;
}

export function TableHead(props: React.ComponentProps<"th">) {
  return <th {...props} />;
}

export function TableCell(props: React.ComponentProps<"td">) {
  return <td {...props} />;
}

export function TableCaption({ className, ...props }: React.ComponentProps<"caption">) {
  return <caption className={cn("mt-4 text-sm text-muted-foreground", className)} {...props} />;
}
