"use client";

import * as React from "react";
import { Check } from "lucide-react";
import { Button, type ButtonProps } from "./button";

interface CopyButtonProps extends Omit<ButtonProps, "onClick" | "children" | "value" | "asChild"> {
  /** The text placed on the clipboard. */
  value: string;
  /** Visible text (and accessible name); "Copied" replaces it briefly after a copy. */
  label?: string;
  /** Show only the icon; the label still names the button for screen readers. */
  iconOnly?: boolean;
}

async function writeClipboard(text: string): Promise<void> {
  if (navigator.clipboard && window.isSecureContext) {
    await navigator.clipboard.writeText(text);
    return;
  }
  // Plain-HTTP deployments have no Clipboard API; fall back to a hidden textarea.
  const area = document.createElement("textarea");
  area.value = text;
  area.setAttribute("readonly", "");
  area.style.position = "fixed";
  area.style.opacity = "0";
  document.body.appendChild(area);
  area.select();
  const ok = document.execCommand("copy");
  area.remove();
  if (!ok) throw new Error("Copy failed");
}

export function CopyButton({
  value,
  label = "Copy",
  iconOnly = false,
  variant = "outline",
  size,
  ...props
}: CopyButtonProps) {
  const [state, setState] = React.useState<"idle" | "copied" | "failed">("idle");
  const timer = React.useRef<ReturnType<typeof setTimeout>>(undefined);
  React.useEffect(() => () => clearTimeout(timer.current), []);

  const onClick = async () => {
    try {
      await writeClipboard(value);
      setState("copied");
    } catch {
      setState("failed");
    }
    clearTimeout(timer.current);
    timer.current = setTimeout(() => setState("idle"), 2000);
  };

  const text = state === "copied" ? "Copied" : state === "failed" ? "Copy failed" : label;
  return (
    <Button
      variant={variant}
      size={size ?? (iconOnly ? "icon" : "sm")}
      onClick={() => void onClick()}
      aria-label={iconOnly ? text : undefined}
      title={iconOnly ? text : undefined}
      {...props}
    >
      {/* the copy icon is a CSS mask (app/globals.css): tables show one a row */}
      {state === "copied" ? <Check aria-hidden="true" /> : <span className="icon icon-copy" aria-hidden="true" />}
      {iconOnly ? null : <span>{text}</span>}
      {/* Announce the result; the visible label change alone is silent to screen readers. */}
      <span className="sr-only" aria-live="polite">
        {state === "copied" ? "Copied to clipboard" : state === "failed" ? "Copy failed" : ""}
      </span>
    </Button>
  );
}
