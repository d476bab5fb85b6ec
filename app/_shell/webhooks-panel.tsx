"use client";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { CheckboxGroup } from "@/components/forms/checkbox-group";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Callout } from "@/components/ui/callout";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Input } from "@/components/ui/input";
import { createWebhookEndpointAction, deleteWebhookEndpointAction, resendDeliveryAction, rotateWebhookSecretAction } from "@/lib/outbox/webhook-actions";

export interface EndpointRow {
  id: string;
  url: string;
  description: string;
  kinds: string[];
  rotating: boolean;
}

export interface DeliveryRow {
  id: string;
  title: string;
  kind: string;
  url: string;
  status: "pending" | "delivered" | "failed";
  attempts: number;
  responseCode: number | null;
  lastError: string | null;
  createdAt: string;
}

const STATUS_TONES = { pending: "warn", delivered: "good", failed: "bad" } as const;

/** Endpoints (create, rotate the secret, delete) and the delivery log with a resend button. */
export function WebhooksPanel({ endpoints, deliveries, kinds }: { endpoints: EndpointRow[]; deliveries: DeliveryRow[]; kinds: { kind: string; label: string }[] }) {
  const router = useRouter();
  const [url, setUrl] = useState("");
  const [description, setDescription] = useState("");
  const [chosen, setChosen] = useState<Set<string>>(() => new Set());
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [secret, setSecret] = useState<{ label: string; value: string } | null>(null);
  const [pending, startTransition] = useTransition();

  const create = (event: React.FormEvent) => {
    event.preventDefault();
    startTransition(async () => {
      setErrors({});
      setFormError(null);
      const result = await createWebhookEndpointAction({ url, description, kinds: [...chosen] });
      if (!result.ok) {
        const fields = Object.fromEntries(Object.entries(result.fieldErrors ?? {}).map(([k, v]) => [k.split(".")[0]!, v?.[0] ?? ""]));
        setErrors(fields);
        if (Object.keys(fields).length === 0) setFormError(result.error ?? "Could not add the endpoint.");
        return;
      }
      setSecret({ label: url, value: result.data.secret });
      setUrl("");
      setDescription("");
      setChosen(new Set());
      router.refresh();
    });
  };

  return (
    <div className="grid gap-6">
      {secret ? (
        <Callout tone="success" data-testid="webhook-secret">
          <p className="font-medium">Signing secret for {secret.label}. Keep it in your receiver: it is shown only now.</p>
          <code className="mt-2 block break-all rounded bg-white px-2 py-1 font-mono text-xs text-slate-900">{secret.value}</code>
        </Callout>
      ) : null}
      <form onSubmit={create} className="grid max-w-xl gap-4" noValidate>
        {formError ? <Callout tone="error">{formError}</Callout> : null}
        <div className="grid gap-1.5">
          <label htmlFor="hook-url" className="text-sm font-medium">
            Endpoint URL
          </label>
          <Input id="hook-url" value={url} onChange={(e) => setUrl(e.target.value)} placeholder="https://example.com/hooks/marketplace" aria-invalid={errors.url ? true : undefined} />
          {errors.url ? <p className="text-sm text-red-700">{errors.url}</p> : null}
        </div>
        <div className="grid gap-1.5">
          <label htmlFor="hook-description" className="text-sm font-medium">
            Description (optional)
          </label>
          <Input id="hook-description" value={description} onChange={(e) => setDescription(e.target.value)} />
        </div>
        <CheckboxGroup
          legend="Events"
          options={kinds.map((k) => ({ value: k.kind, label: <>{k.label} <code className="font-mono text-xs text-muted">{k.kind}</code></> }))}
          value={chosen}
          onChange={setChosen}
          error={errors.kinds}
        />
        <Button type="submit" disabled={pending} className="w-fit">
          {pending ? "Adding…" : "Add endpoint"}
        </Button>
      </form>

      {endpoints.length === 0 ? (
        <p className="rounded-lg border border-dashed border-line bg-white p-6 text-sm text-muted">No endpoints yet. Add one above to receive your events as signed POSTs.</p>
      ) : (
        <ul className="divide-y divide-line overflow-hidden rounded-lg border border-line bg-white">
          {endpoints.map((endpoint) => (
            <li key={endpoint.id} className="flex flex-wrap items-center justify-between gap-3 px-4 py-3" data-testid="webhook-endpoint">
              <div className="grid gap-1 text-sm">
                <span className="break-all font-mono text-xs">{endpoint.url}</span>
                {endpoint.description ? <span>{endpoint.description}</span> : null}
                <span className="text-xs text-muted">{endpoint.kinds.join(", ")}</span>
                {endpoint.rotating ? <span className="text-xs text-muted">The previous secret still signs until 24 h after the last rotation.</span> : null}
              </div>
              <div className="flex gap-2">
                <ConfirmDialog
                  trigger={
                    <Button type="button" variant="secondary" size="sm">
                      Rotate secret
                    </Button>
                  }
                  title="Rotate the signing secret?"
                  description="A new secret signs every delivery from now on; for 24 hours the old one signs them too (a second signature), so your receiver can switch without missing one."
                  confirmLabel="Rotate"
                  onConfirm={async () => {
                    const result = await rotateWebhookSecretAction({ endpointId: endpoint.id });
                    if (result.ok) setSecret({ label: endpoint.url, value: result.data.secret });
                    router.refresh();
                    return result.ok;
                  }}
                />
                <ConfirmDialog
                  trigger={
                    <Button type="button" variant="secondary" size="sm">
                      Delete
                    </Button>
                  }
                  title="Delete this endpoint?"
                  description="It receives nothing more, and deliveries still waiting for it are dropped. This cannot be undone."
                  confirmLabel="Delete endpoint"
                  destructive
                  onConfirm={async () => {
                    const result = await deleteWebhookEndpointAction({ endpointId: endpoint.id });
                    router.refresh();
                    return result.ok;
                  }}
                />
              </div>
            </li>
          ))}
        </ul>
      )}

      <div className="grid gap-2">
        <h3 className="text-sm font-medium">Delivery log</h3>
        {deliveries.length === 0 ? (
          <p className="rounded-lg border border-dashed border-line bg-white p-6 text-sm text-muted">Nothing sent yet. Each event your endpoints subscribe to shows up here with the answer it got.</p>
        ) : (
          <ul className="divide-y divide-line overflow-hidden rounded-lg border border-line bg-white">
            {deliveries.map((d) => (
              <li key={d.id} className="flex flex-wrap items-center justify-between gap-3 px-4 py-3" data-testid="webhook-delivery">
                <div className="grid gap-1 text-sm">
                  <span>
                    <Badge tone={STATUS_TONES[d.status]}>{d.status === "delivered" ? "Delivered" : d.status === "failed" ? "Failed" : "Pending"}</Badge> {d.title}
                  </span>
                  <span className="text-xs text-muted">
                    {d.kind} → <span className="font-mono">{d.url}</span> · {d.createdAt} · {d.attempts} attempt{d.attempts === 1 ? "" : "s"}
                    {d.responseCode ? ` · HTTP ${d.responseCode}` : ""}
                    {d.lastError && d.status !== "delivered" ? ` · ${d.lastError}` : ""}
                  </span>
                </div>
                <Button
                  type="button"
                  variant="secondary"
                  size="sm"
                  disabled={pending}
                  onClick={() =>
                    startTransition(async () => {
                      await resendDeliveryAction({ deliveryId: d.id });
                      router.refresh();
                    })
                  }
                >
                  Resend
                </Button>
              </li>
            ))}
          </ul>
        )}
      </div>
    </div>
  );
}
