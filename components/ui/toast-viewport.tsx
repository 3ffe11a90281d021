"use client";

import { Toast as ToastPrimitive } from "radix-ui";
import { X } from "lucide-react";
import { cn } from "./cn";
import { dismissToast, useToast, type ToastVariant } from "./toast";

const variantClassName: Record<ToastVariant, string> = {
  default: "border-border bg-background text-foreground",
  success: "border-success bg-background text-foreground",
  destructive: "border-destructive bg-destructive text-destructive-foreground",
};

/** The toasts of the store in toast.tsx, drawn with radix's toast (loaded by <Toaster />). */
export function ToastViewport() {
  const { toasts } = useToast();
  return (
    <ToastPrimitive.Provider swipeDirection="right">
      {toasts.map(({ id, title, description, variant = "default", durationMs }) => (
        <ToastPrimitive.Root
          key={id}
          duration={durationMs ?? (variant === "destructive" ? 8000 : 4000)}
          type={variant === "destructive" ? "foreground" : "background"}
          onOpenChange={(open) => {
            if (!open) dismissToast(id);
          }}
          className={cn(
            "relative flex w-full items-start gap-3 rounded-md border-l-4 border p-4 pr-8 shadow-lg animate-slide-in",
            "data-[swipe=move]:translate-x-(--radix-toast-swipe-move-x) data-[swipe=end]:hidden",
            variantClassName[variant],
          )}
        >
          <div className="grid gap-1">
            <ToastPrimitive.Title className="text-sm font-semibold">{title}</ToastPrimitive.Title>
            {description ? (
              <ToastPrimitive.Description className="text-sm opacity-90">{description}</ToastPrimitive.Description>
            ) : null}
          </div>
          <ToastPrimitive.Close
            aria-label="Dismiss notification"
            className="absolute right-2 top-2 rounded-sm p-1 opacity-70 hover:opacity-100 focus-visible:outline-hidden focus-visible:ring-2 focus-visible:ring-ring"
          >
            <X className="size-4" aria-hidden="true" />
          </ToastPrimitive.Close>
        </ToastPrimitive.Root>
      ))}
      <ToastPrimitive.Viewport className="fixed bottom-0 right-0 z-[100] flex w-full max-w-sm flex-col gap-2 p-4 outline-hidden" />
    </ToastPrimitive.Provider>
  );
}
