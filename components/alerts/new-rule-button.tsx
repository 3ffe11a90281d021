"use client";
// The page header's "New rule" button and its dialog.
import { Plus } from "lucide-react";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { RuleDialog, type EndpointOption } from "./rule-dialog";

export function NewRuleButton({
  tenants,
  endpoints,
}: {
  tenants: { id: string; name: string }[] | null;
  endpoints: EndpointOption[];
}) {
  const [open, setOpen] = useState(false);
  return (
    <RuleDialog
      key={open ? "open" : "closed"}
      rule={null}
      tenants={tenants}
      endpoints={endpoints}
      open={open}
      onOpenChange={setOpen}
      trigger={
        <Button>
          <Plus aria-hidden="true" />
          New rule
        </Button>
      }
    />
  );
}
