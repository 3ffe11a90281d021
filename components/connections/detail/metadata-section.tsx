// Free-form JSON the platform sent, including anything an import could not map to a column:
// kept so that nothing is lost, and shown so that support can still read it.
import { JsonViewer } from "@/components/ui/json-viewer";
import type { ConnectionDetail } from "@/server/connections/detail/detail.types";
import { Section } from "./field-list";

function Doc({ value, empty }: { value: unknown; empty: string }) {
  if (value === null || value === undefined) return <p className="text-sm text-muted-foreground">{empty}</p>;
  return <JsonViewer value={value} defaultExpandDepth={2} />;
}

export function MetadataSection({ connection: c }: { connection: ConnectionDetail }) {
  return (
    <div className="grid gap-4 lg:grid-cols-2">
      <Section title="Connection info" description="Codat ConnectionInfo.">
        <Doc value={c.connection_info} empty="None sent." />
      </Section>
      <Section title="Metadata">
        <Doc value={c.metadata} empty="None sent." />
      </Section>
      <Section
        title="Unmapped fields"
        description="Fields from the import that have no column of their own, kept verbatim."
        className="lg:col-span-2"
      >
        <Doc value={c.unmapped} empty="Nothing left unmapped: every field the platform sent has its place." />
      </Section>
    </div>
  );
}
