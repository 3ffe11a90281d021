"use client";
// Re-runs the platform was asked for (REST POST /connections/{id}/runs) and has not reported yet:
// each leaves this list when ingest stores a run with its job id.
import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "@/components/providers/trpc-client";
import { JsonViewer } from "@/components/ui/json-viewer";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { IdValue, Section, WhenBy } from "./field-list";

export function PendingRunRequests({ connectionId }: { connectionId: string }) {
  const trpc = useTRPC();
  const requests = useQuery(trpc.detail.runRequests.queryOptions({ connectionId })).data ?? [];
  if (requests.length === 0) return null;
  return (
    <Section
      title={`Requested re-runs (${requests.length})`}
      description="Asked of the platform over the API; each stays here until a run with its job id is reported."
    >
      <Table>
        <TableHeader>
          <TableRow>
            <TableHead>Job id</TableHead>
            <TableHead>Requested</TableHead>
            <TableHead>Note</TableHead>
            <TableHead>Source parameters</TableHead>
            <TableHead>Destination parameters</TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {requests.map((request) => (
            <TableRow key={request.id}>
              <TableCell>
                <IdValue value={request.job_id} name="job id" />
              </TableCell>
              <TableCell>
                <WhenBy at={request.requested_at} by={request.requested_by} />
              </TableCell>
              <TableCell className="max-w-64 whitespace-normal">{request.note ?? "—"}</TableCell>
              <TableCell>
                <JsonViewer value={request.source_parameters} defaultExpandDepth={0} />
              </TableCell>
              <TableCell>
                <JsonViewer value={request.destination_parameters} defaultExpandDepth={0} />
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Section>
  );
}
