import { CheckCircle2, Clock, Ban, HelpCircle, Hourglass, AlertTriangle } from "lucide-react";
import { PublicLinkFrame } from "./public-link-frame";

export type PublicStatusKind = "connected" | "used" | "expired" | "revoked" | "unknown" | "rate-limited" | "problem";

const COPY: Record<PublicStatusKind, { title: string; body: string; icon: typeof Clock; tone: string }> = {
  connected: {
    title: "You're reconnected",
    body: "Thank you. The connection is working again. You can close this page.",
    icon: CheckCircle2,
    tone: "text-success-text",
  },
  used: {
    title: "This link has already been used",
    body: "Each link works only once, and this one has done its job. If something still isn't working, ask the person who sent it for a new link.",
    icon: CheckCircle2,
    tone: "text-muted-foreground",
  },
  expired: {
    title: "This link has expired",
    body: "For your security, links stop working after a while. Ask the person who sent it for a new link.",
    icon: Clock,
    tone: "text-warning-text",
  },
  revoked: {
    title: "This link has been cancelled",
    body: "The sender cancelled this link, perhaps because they sent you a newer one. Check your inbox for a more recent link, or ask them for a new one.",
    icon: Ban,
    tone: "text-destructive-text",
  },
  unknown: {
    title: "We don't recognise this link",
    body: "Check that you copied the whole link. If it still doesn't work, ask the person who sent it for a new one.",
    icon: HelpCircle,
    tone: "text-muted-foreground",
  },
  "rate-limited": {
    title: "Too many requests",
    body: "There were too many attempts from your network. Wait a minute, then open your link again.",
    icon: Hourglass,
    tone: "text-warning-text",
  },
  problem: {
    title: "That didn't finish",
    body: "Your sign-in took too long or was interrupted, so nothing was changed. Please open the link you were sent again.",
    icon: AlertTriangle,
    tone: "text-warning-text",
  },
};

/** Every public outcome other than the consent screen: says which, and nothing else. */
export function PublicLinkStatus({ kind, retryAfterSeconds }: { kind: PublicStatusKind; retryAfterSeconds?: number }) {
  const copy = COPY[kind];
  const body =
    kind === "rate-limited" && retryAfterSeconds
      ? `There were too many attempts from your network. Try again in ${retryAfterSeconds} s, then open your link again.`
      : copy.body;
  const Icon = copy.icon;
  return (
    <PublicLinkFrame>
      <div className="flex flex-col items-center gap-3 text-center">
        <Icon className={`size-10 ${copy.tone}`} aria-hidden="true" />
        <h1 className="text-xl font-semibold">{copy.title}</h1>
        <p className="text-sm text-muted-foreground">{body}</p>
      </div>
    </PublicLinkFrame>
  );
}
