"use client";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { CheckboxGroup } from "@/components/forms/checkbox-group";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Callout } from "@/components/ui/callout";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Input } from "@/components/ui/input";
import { createApiKeyAction, revokeApiKeyAction } from "@/lib/api/actions";

export interface KeyRow {
  id: string;
  name: string;
  prefix: string;
  scopes: string[];
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

/** Create a key (its secret shown once), and revoke keys after a confirmation. */
export function ApiKeys({ keys, scopes }: { keys: KeyRow[]; scopes: { scope: string; label: string }[] }) {
  const router = useRouter();
  const [name, setName] = useState("");
  const [chosen, setChosen] = useState<Set<string>>(() => new Set(scopes.filter((s) => s.scope.endsWith(":read")).map((s) => s.scope)));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [secret, setSecret] = useState<{ name: string; value: string } | null>(null);
  const [copied, setCopied] = useState(false);
  const [pending, startTransition] = useTransition();

  const create = (event: React.FormEvent) => {
    event.preventDefault();
    startTransition(async () => {
      setErrors({});
      setFormError(null);
      const result = await createApiKeyAction({ name, scopes: [...chosen] });
      if (!result.ok) {
        const fields = Object.fromEntries(Object.entries(result.fieldErrors ?? {}).map(([k, v]) => [k.split(".")[0]!, v?.[0] ?? ""]));
        setErrors(fields);
        if (Object.keys(fields).length === 0) setFormError(result.error ?? "Could not create the key.");
        return;
      }
      setSecret({ name, value: result.data.secret });
      setCopied(false);
      setName("");
      router.refresh();
    });
  };

  return (
    <div className="grid gap-6">
      {secret ? (
        <Callout tone="success" data-testid="new-key">
          <p className="font-medium">Your new key “{secret.name}”. Copy it now: it is shown only once.</p>
          <div className="mt-2 flex flex-wrap items-center gap-2">
            <code className="break-all rounded bg-white px-2 py-1 font-mono text-xs text-slate-900" data-testid="new-key-secret">
              {secret.value}
            </code>
            <Button
              type="button"
              size="sm"
              variant="secondary"
              onClick={async () => {
                await navigator.clipboard?.writeText(secret.value).catch(() => undefined);
                setCopied(true);
              }}
            >
              {copied ? "Copied" : "Copy"}
            </Button>
          </div>
        </Callout>
      ) : null}

      <form onSubmit={create} className="grid max-w-xl gap-4" noValidate>
        {formError ? <Callout tone="error">{formError}</Callout> : null}
        <div className="grid gap-1.5">
          <label htmlFor="key-name" className="text-sm font-medium">
            Key name
          </label>
          <Input id="key-name" value={name} onChange={(e) => setName(e.target.value)} placeholder="CRM sync" aria-invalid={errors.name ? true : undefined} aria-describedby={errors.name ? "key-name-error" : undefined} />
          {errors.name ? (
            <p id="key-name-error" className="text-sm text-red-700">
              {errors.name}
            </p>
          ) : null}
        </div>
        <CheckboxGroup
          legend="Scopes"
          options={scopes.map((s) => ({ value: s.scope, label: <><span>{s.label}</span> <code className="font-mono text-xs text-muted">{s.scope}</code></> }))}
          value={chosen}
          onChange={setChosen}
          error={errors.scopes}
        />
        <Button type="submit" disabled={pending} className="w-fit">
          {pending ? "Creating…" : "Create key"}
        </Button>
      </form>

      {keys.length === 0 ? (
        <p className="rounded-lg border border-dashed border-line bg-white p-6 text-sm text-muted">No keys yet. Create one above, then call the API with it (the reference is below).</p>
      ) : (
        <ul className="divide-y divide-line overflow-hidden rounded-lg border border-line bg-white">
          {keys.map((key) => (
            <li key={key.id} className="flex flex-wrap items-center justify-between gap-3 px-4 py-3" data-testid="api-key">
              <div className="grid gap-1 text-sm">
                <span className="font-medium">
                  {key.name} <code className="font-mono text-xs text-muted">{key.prefix}…</code>{" "}
                  {key.revokedAt ? <Badge tone="bad">Revoked</Badge> : <Badge tone="good">Active</Badge>}
                </span>
                <span className="text-xs text-muted">{key.scopes.join(", ")}</span>
                <span className="text-xs text-muted">
                  Created {key.createdAt} · {key.lastUsedAt ? `last used ${key.lastUsedAt}` : "never used"}
                  {key.revokedAt ? ` · revoked ${key.revokedAt}` : ""}
                </span>
              </div>
              {key.revokedAt ? null : (
                <ConfirmDialog
                  trigger={
                    <Button type="button" variant="secondary" size="sm">
                      Revoke
                    </Button>
                  }
                  title={`Revoke “${key.name}”?`}
                  description="Every request with this key fails from now on. This cannot be undone; create a new key to replace it."
                  confirmLabel="Revoke key"
                  destructive
                  onConfirm={async () => {
                    const result = await revokeApiKeyAction({ keyId: key.id });
                    router.refresh();
                    return result.ok;
                  }}
                />
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
