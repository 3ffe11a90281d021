"use client";
// The scopes of a key as checkboxes, each with what it allows; used by the create and edit dialogs.
import { Checkbox } from "@/components/ui/checkbox";
import { API_KEY_SCOPE_LABELS, API_KEY_SCOPES, type ApiKeyScope } from "@/lib/api-key-scopes";

export function ScopeCheckboxes({
  idPrefix,
  value,
  onChange,
}: {
  idPrefix: string;
  value: readonly ApiKeyScope[];
  onChange: (scopes: ApiKeyScope[]) => void;
}) {
  const toggle = (scope: ApiKeyScope, on: boolean) =>
    onChange(API_KEY_SCOPES.filter((s) => (s === scope ? on : value.includes(s))));
  return (
    <fieldset className="flex flex-col gap-2">
      <legend className="mb-1 text-sm font-medium">Scopes</legend>
      {API_KEY_SCOPES.map((scope) => (
        <div key={scope} className="flex items-start gap-2">
          <Checkbox
            id={`${idPrefix}-${scope}`}
            checked={value.includes(scope)}
            onCheckedChange={(checked) => toggle(scope, checked === true)}
            className="mt-0.5"
          />
          <label htmlFor={`${idPrefix}-${scope}`} className="text-sm leading-snug">
            <code className="font-mono text-xs">{scope}</code>
            <span className="block text-muted-foreground">{API_KEY_SCOPE_LABELS[scope]}</span>
          </label>
        </div>
      ))}
      {value.length === 0 ? <p className="text-sm text-destructive">Choose at least one scope.</p> : null}
    </fieldset>
  );
}

export function ScopeList({ scopes }: { scopes: readonly ApiKeyScope[] }) {
  return (
    <ul className="flex flex-wrap gap-1" aria-label="Scopes">
      {scopes.map((scope) => (
        <li key={scope}>
          <code className="rounded bg-muted px-1.5 py-0.5 font-mono text-xs">{scope}</code>
        </li>
      ))}
    </ul>
  );
}
