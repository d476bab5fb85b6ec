import { PageHeader } from "@/components/shell/app-shell";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { getDb } from "@/db";
import { requireArea, requirePermission } from "@/lib/auth/guard";
import { instantOf } from "@/lib/dates";
import { API_SCOPES, listApiKeys, SCOPE_LABELS } from "@/lib/api/keys";
import { openApiDocument, requestSchema } from "@/lib/api/openapi";
import { API_ROUTES } from "@/lib/api/routes";
import { eventKindsFor } from "@/lib/outbox/events";
import { listWebhookDeliveries, listWebhookEndpoints, signingSecrets } from "@/lib/outbox/webhooks";
import { ApiKeys } from "./api-keys";
import { WebhooksPanel } from "./webhooks-panel";

const METHOD_TONES = { GET: "info", POST: "good" } as const;

/** Keys for the account's own systems, and the API reference generated from the same routes the API serves. */
export async function DevelopersPage({ area }: { area: "vendor" | "partner" | "marketplace" }) {
  await requireArea(area);
  const user = await requirePermission("api.keys");
  const role = user.role;
  const db = getDb();
  const [keys, endpoints, hooks] = await Promise.all([listApiKeys(db, user.accountId), listWebhookEndpoints(db, user.accountId), listWebhookDeliveries(db, user.accountId)]);
  const routes = API_ROUTES.filter((r) => r.roles.includes(role));
  const scopes = API_SCOPES.filter((s) => routes.some((r) => r.scope === s)).map((scope) => ({ scope, label: SCOPE_LABELS[scope] }));
  const doc = openApiDocument();
  return (
    <>
      <PageHeader
        title="Developers"
        description="Run your channel business from your own systems: the API does what these screens do, with the same rules. Keys belong to your account and act as you."
        actions={
          <a className="text-sm text-brand-700 underline" href="/api/v1/openapi.json">
            OpenAPI document
          </a>
        }
      />
      <div className="grid gap-6">
        <Card>
          <CardHeader>
            <CardTitle>API keys</CardTitle>
            <CardDescription>Give each system its own key with only the scopes it needs; revoke it the moment it is no longer needed.</CardDescription>
          </CardHeader>
          <CardContent>
            <ApiKeys
              scopes={scopes}
              keys={keys.map((k) => ({ id: k.id, name: k.name, prefix: k.prefix, scopes: k.scopes, createdAt: instantOf(k.createdAt), lastUsedAt: k.lastUsedAt ? instantOf(k.lastUsedAt) : null, revokedAt: k.revokedAt ? instantOf(k.revokedAt) : null }))}
            />
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>Webhooks</CardTitle>
            <CardDescription>
              Your events as signed POSTs to your own systems: header <code className="font-mono">Cppo-Signature: t=…,v1=…</code>, an HMAC-SHA256 of <code className="font-mono">t.body</code> with the endpoint&apos;s secret. Answer 2xx within 10 seconds; anything else is retried with growing delays for 3 days.
            </CardDescription>
          </CardHeader>
          <CardContent>
            <WebhooksPanel
              kinds={eventKindsFor(role).flatMap((g) => g.kinds)}
              endpoints={endpoints.map((e) => ({ id: e.id, url: e.url, description: e.description, kinds: e.kinds, rotating: signingSecrets(e).length > 1 }))}
              deliveries={hooks.map((d) => ({ id: d.id, title: d.title, kind: d.kind, url: d.url, status: d.status, attempts: d.attempts, responseCode: d.responseCode, lastError: d.lastError, createdAt: instantOf(d.createdAt) }))}
            />
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>Reference</CardTitle>
            <CardDescription>{doc.info.description}</CardDescription>
          </CardHeader>
          <CardContent className="grid gap-4">
            <pre className="overflow-x-auto rounded-md bg-slate-900 p-3 font-mono text-xs text-slate-100">{`curl -H "Authorization: Bearer $KEY" ${routes[0] ? `"$PORTAL/api/v1${routes[0].path}"` : ""}`}</pre>
            {routes.map((route) => {
              const body = requestSchema(route) as { properties?: Record<string, { description?: string; type?: string }>; required?: string[] } | null;
              return (
                <section key={`${route.method} ${route.path}`} className="grid gap-1 border-t border-line pt-3" id={route.operationId}>
                  <h3 className="flex flex-wrap items-center gap-2 text-sm">
                    <Badge tone={METHOD_TONES[route.method]}>{route.method}</Badge>
                    <code className="font-mono">/api/v1{route.path}</code>
                    <span className="text-muted">· {route.scope}</span>
                  </h3>
                  <p className="text-sm">{route.summary}</p>
                  {route.list ? <p className="text-xs text-muted">Query: limit (1–100, default 25), startingAfter (the previous page&apos;s nextCursor).</p> : null}
                  {body?.properties && Object.keys(body.properties).length ? (
                    <p className="text-xs text-muted">
                      Body:{" "}
                      {Object.keys(body.properties).map((name, i) => (
                        <span key={name}>
                          {i ? ", " : ""}
                          <code className="font-mono">{name}</code>
                          {body.required?.includes(name) ? "" : " (optional)"}
                        </span>
                      ))}
                    </p>
                  ) : null}
                </section>
              );
            })}
          </CardContent>
        </Card>
      </div>
    </>
  );
}
