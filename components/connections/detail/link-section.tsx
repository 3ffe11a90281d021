// The platform's own link URL (Codat `LinkURL`): where the customer goes to (re)connect upstream.
import { ExternalLink } from "lucide-react";
import { buttonClassName } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";
import type { ConnectionDetail } from "@/server/connections/detail/detail.types";
import { Section } from "./field-list";

export function LinkSection({ connection: c }: { connection: ConnectionDetail }) {
  return (
    <Section
      title="Upstream link URL"
      description="The platform's own link for this connection (Codat LinkURL). For a console relink URL, see the Relink tab."
    >
      {c.link_url ? (
        <div className="space-y-3">
          <code className="block break-all rounded-md border bg-muted/40 p-3 font-mono text-xs" data-testid="link-url">
            {c.link_url}
          </code>
          <div className="flex gap-2">
            <CopyButton value={c.link_url} label="Copy link URL" />
            <a href={c.link_url} target="_blank" rel="noopener noreferrer" className={buttonClassName("outline", "sm")}>
              <ExternalLink aria-hidden="true" /> Open link URL
            </a>
          </div>
        </div>
      ) : (
        <p className="text-sm text-muted-foreground">The platform sent no link URL for this connection.</p>
      )}
    </Section>
  );
}
