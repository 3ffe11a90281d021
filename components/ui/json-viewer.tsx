"use client";

import * as React from "react";
import { ChevronRight } from "lucide-react";
import { cn } from "./cn";

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

interface JsonViewerProps {
  /** A parsed value; or pass `text` for a JSON column read as a string. */
  value?: unknown;
  /** Raw JSON text; shown verbatim if it does not parse. */
  text?: string | null;
  /** Levels open at first render (default 1: the top level's children are listed). */
  defaultExpandDepth?: number;
  className?: string;
}

function parse(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false };
  }
}

// Round-trip drops undefined, functions and class instances so the tree only meets JSON.
function toJson(value: unknown): Json {
  try {
    // JSON.parse types its result as any; what JSON.stringify wrote parses back to JSON.
    return JSON.parse(JSON.stringify(value) ?? "null") as Json;
  } catch {
    return String(value); // cycles or bigints: show something rather than crash the page
  }
}

export function JsonViewer({ value, text, defaultExpandDepth = 1, className }: JsonViewerProps) {
  const parsed =
    text === undefined
      ? { ok: true as const, value }
      : text === null
        ? { ok: true as const, value: null }
        : parse(text);
  const box = cn("overflow-x-auto rounded-md border bg-muted/40 p-3 font-mono text-xs leading-5", className);
  if (!parsed.ok) return <pre className={cn(box, "whitespace-pre-wrap break-all")}>{text}</pre>;
  const json = toJson(parsed.value);
  return (
    <div className={box}>
      <JsonNode value={json} depth={0} expandDepth={defaultExpandDepth} />
    </div>
  );
}

function JsonNode({
  name,
  value,
  depth,
  expandDepth,
}: {
  name?: string;
  value: Json;
  depth: number;
  expandDepth: number;
}) {
  const [open, setOpen] = React.useState(depth < expandDepth);
  const key = name === undefined ? null : <span className="text-primary">{JSON.stringify(name)}: </span>;
  if (value === null || typeof value !== "object") {
    return (
      <div className="pl-4">
        {key}
        <Scalar value={value} />
      </div>
    );
  }
  const entries: Array<[string, Json]> = Array.isArray(value)
    ? value.map((v, i) => [String(i), v])
    : Object.entries(value);
  const [openBracket, closeBracket] = Array.isArray(value) ? ["[", "]"] : ["{", "}"];
  if (entries.length === 0) {
    return (
      <div className="pl-4">
        {key}
        {openBracket + closeBracket}
      </div>
    );
  }
  const summary = Array.isArray(value) ? `${entries.length} items` : `${entries.length} keys`;
  return (
    <div>
      <button
        type="button"
        aria-expanded={open}
        onClick={() => setOpen(!open)}
        className="inline-flex items-center rounded-sm text-left hover:bg-accent focus-visible:outline-hidden focus-visible:ring-2 focus-visible:ring-ring"
      >
        <ChevronRight aria-hidden="true" className={cn("size-4 shrink-0 transition-transform", open && "rotate-90")} />
        {key}
        {openBracket}
        {open ? null : (
          <span className="text-muted-foreground">
            {" "}
            {summary} {closeBracket}
          </span>
        )}
      </button>
      {open ? (
        <div className="ml-2 border-l pl-2">
          {entries.map(([k, v]) => (
            <JsonNode
              key={k}
              name={Array.isArray(value) ? undefined : k}
              value={v}
              depth={depth + 1}
              expandDepth={expandDepth}
            />
          ))}
        </div>
      ) : null}
      {open ? <div className="pl-4">{closeBracket}</div> : null}
    </div>
  );
}

function Scalar({ value }: { value: string | number | boolean | null }) {
  if (value === null) return <span className="text-muted-foreground">null</span>;
  if (typeof value === "string") return <span className="break-all text-success-text">{JSON.stringify(value)}</span>;
  if (typeof value === "number") return <span className="text-warning-foreground dark:text-warning-text">{value}</span>;
  return <span className="text-destructive-text">{String(value)}</span>;
}
