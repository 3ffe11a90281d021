// The connection detail page: header and callouts (what is wrong, why, what to do), then tabs.
// Rendered on the server from data the page read; actions arrive as slots owned elsewhere.
import type { ReactNode } from "react";
import type { ConnectionDetailData } from "@/server/connections/detail/load-detail";
import { ActivitySection } from "./activity-section";
import { attentionItems } from "./attention";
import { AttentionCallouts } from "./attention-callouts";
import { AuthSection } from "./auth-section";
import { LiveRefresh } from "@/components/ui/live-refresh";
import { DetailHeader } from "./detail-header";
import { HealthSection } from "./health-section";
import { DetailTabs } from "./detail-tabs";
import { ErrorsSection } from "./errors-section";
import { Section } from "./field-list";
import { LinkSection } from "./link-section";
import { MetadataSection } from "./metadata-section";
import { OverviewSection } from "./overview-section";
import { RunsSection } from "./runs-section";
import { TimelineSection } from "@/components/timeline/timeline-section";
import { TagsEditor } from "@/components/tags/tags-editor";

interface Props {
  data: ConnectionDetailData;
  canWrite: boolean;
  now: number;
  /** pause/resume and friends (components/actions); hidden for viewers by their owner */
  actions: ReactNode;
  /** create/send a relink URL (components/relink) */
  relink: ReactNode;
  /** the one-button fix shown in the needs-relink callout */
  relinkAction: ReactNode;
}

export function ConnectionDetailView({ data, canWrite, now, actions, relink, relinkAction }: Props) {
  const c = data.connection;
  const items = attentionItems(c, data.activeErrors.rows, data.activeErrors.activeCount, now);
  return (
    <div className="space-y-5">
      <DetailHeader connection={c} health={data.health} actions={actions} />
      <LiveRefresh
        signature={`${c.version}|${c.updated_at}|${c.open_error_count}|${data.runs.total}|${data.activity.total}`}
        className="-mt-3 min-h-0 empty:hidden"
      />
      <AttentionCallouts items={items} relinkAction={relinkAction} canWrite={canWrite} />
      <DetailTabs
        tabs={[
          {
            value: "overview",
            label: "Overview",
            content: (
              <div className="space-y-4">
                <HealthSection health={data.health} />
                <TagsEditor connectionId={c.id} />
                <OverviewSection connection={c} />
              </div>
            ),
          },
          { value: "auth", label: "Auth", content: <AuthSection connection={c} now={now} /> },
          {
            value: "errors",
            label: "Errors",
            count: data.activeErrors.activeCount,
            countTone: "destructive",
            countLabel: "active",
            content: (
              <ErrorsSection
                connectionId={c.id}
                active={data.activeErrors}
                resolved={data.resolvedErrors}
                canWrite={canWrite}
              />
            ),
          },
          {
            value: "runs",
            label: "Runs",
            count: data.runs.total,
            countTone: "muted",
            content: <RunsSection connectionId={c.id} first={data.runs} initialDiff={data.diff} />,
          },
          { value: "link", label: "Link", content: <LinkSection connection={c} /> },
          { value: "metadata", label: "Metadata", content: <MetadataSection connection={c} /> },
          {
            value: "activity",
            label: "Activity",
            count: data.activity.total,
            countTone: "muted",
            content: <ActivitySection connectionId={c.id} first={data.activity} />,
          },
          { value: "timeline", label: "Timeline", content: <TimelineSection connectionId={c.id} /> },
          {
            value: "relink",
            label: "Relink",
            content: (
              <Section
                title="Relink"
                description={
                  c.needs_relink
                    ? "This connection needs the customer to re-authorise it."
                    : "The connection's credentials work; a relink is only needed if the customer must re-authorise."
                }
              >
                {relink}
                {canWrite ? null : (
                  <p className="text-sm text-muted-foreground">
                    Read-only: relink URLs are created by support or a tenant admin.
                  </p>
                )}
              </Section>
            ),
          },
        ]}
      />
    </div>
  );
}
