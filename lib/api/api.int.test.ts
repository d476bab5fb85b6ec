// The public API on a real database, through its real handler (the same
// function the Next route calls): a partner's whole offer flow by API alone;
// the authorization matrix over every route, key scope and tenant; idempotent
// POSTs; cursor pages; rate limits; bad input → 400 with the field, never 500;
// and the OpenAPI document against what the routes accept.
import fs from "node:fs";
import path from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db";
import { apiKeys, auditEvents } from "@/db/schema";
import { handleApi } from "@/lib/api/handler";
import { API_SCOPES, createApiKey, revokeApiKey, type ApiScope } from "@/lib/api/keys";
import { openApiDocument, requestSchema } from "@/lib/api/openapi";
import { API_ROUTES, type ApiRoute } from "@/lib/api/routes";
import type { CurrentUser } from "@/lib/auth/authorize";
import { acceptOffer } from "@/lib/offers/service";
import { runBilling } from "@/lib/billing/run";
import { createTestDatabase, dialect, type TestDatabase } from "@/db/testing/database";
import { makeActor } from "@/db/testing/fixtures";

const root = path.resolve(import.meta.dirname, "..", "..");
let test: TestDatabase;
let db: Db;
let isv: CurrentUser;
let partner: CurrentUser;
let customer: CurrentUser;
let otherIsv: CurrentUser;
let otherPartner: CurrentUser;
let rep: CurrentUser;
const keys: Record<string, string> = {};

const inDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);

async function keyFor(user: CurrentUser, scopes: readonly ApiScope[] = API_SCOPES): Promise<string> {
  const result = await createApiKey(db, user, { name: `key of ${user.email}`, scopes: [...scopes] });
  if (!result.ok) throw new Error(JSON.stringify(result));
  return result.data.secret;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- responses are checked field by field and against their zod schemas
type Call = { status: number; body: any; headers: Headers };
async function call(key: string | null, method: string, url: string, body?: unknown, headers: Record<string, string> = {}): Promise<Call> {
  const request = new Request(`http://portal.test/api/v1${url}`, {
    method,
    headers: { ...(key ? { Authorization: `Bearer ${key}` } : {}), ...(body !== undefined ? { "Content-Type": "application/json" } : {}), ...headers },
    body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
  });
  const segments = new URL(request.url).pathname.replace(/^\/api\/v1\/?/, "").split("/").filter(Boolean);
  const response = await handleApi(request, segments, db);
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : null, headers: response.headers };
}

const routeOf = (method: string, p: string) => API_ROUTES.find((r) => r.method === method && r.path === p)!;
const product = { name: "Platform", description: "The platform.", eulaText: "The standard EULA, long enough to count.", dimensions: [{ unitName: "Seats", price: "100" }, { unitName: "Storage TB", price: "25.50" }] };

const previousLimit = process.env.API_RATE_LIMIT;
beforeAll(async () => {
  // The hostile-input test sends hundreds of requests: the rate limit has its own test below.
  process.env.API_RATE_LIMIT = "1000000";
  test = await createTestDatabase();
  db = test.handle.db;
  isv = await makeActor(db, "isv", { registered: true, name: "Contoso" });
  partner = await makeActor(db, "partner", { registered: true, name: "Blue Harbor" });
  customer = await makeActor(db, "customer", { name: "Acme" });
  otherIsv = await makeActor(db, "isv", { registered: true, name: "Fabrikam" });
  otherPartner = await makeActor(db, "partner", { registered: true, name: "Red Cliff" });
  rep = await makeActor(db, "rep");
  keys.isv = await keyFor(isv);
  keys.partner = await keyFor(partner);
  keys.otherIsv = await keyFor(otherIsv);
  keys.otherPartner = await keyFor(otherPartner);
  keys.rep = await keyFor(rep);
}, 60_000);
afterAll(async () => {
  if (previousLimit === undefined) delete process.env.API_RATE_LIMIT;
  else process.env.API_RATE_LIMIT = previousLimit;
  await test.drop();
});

const ids: Record<string, string> = {};

describe(`the public API on ${dialect}`, () => {
  it("runs the whole offer flow: vendor product and invitation, partner accepts, drafts and extends; each side reads its own agreement", async () => {
    const created = await call(keys.isv!, "POST", "/products", product, { "Idempotency-Key": "create-product-0001" });
    expect(created.status).toBe(201);
    routeOf("POST", "/products").response.parse(created.body);
    ids.product = created.body.id;
    expect(created.body.dimensions.map((d: { unitPriceCents: number }) => d.unitPriceCents)).toEqual([10_000, 2_550]);

    const sent = await call(keys.isv!, "POST", "/invitations", { partnerAccountId: partner.accountId, items: [{ productId: ids.product, discountPercent: "20" }], expiresOn: inDays(5), use: "multi_use" });
    expect(sent.status).toBe(201);
    expect(sent.body).toMatchObject({ object: "invitation", status: "pending", partnerAccountId: partner.accountId });
    ids.invitation = sent.body.id;

    const received = await call(keys.partner!, "GET", "/invitations");
    expect(received.status).toBe(200);
    routeOf("GET", "/invitations").response.parse(received.body);
    expect(received.body.data.map((i: { id: string }) => i.id)).toEqual([ids.invitation]);
    const accepted = await call(keys.partner!, "POST", `/invitations/${ids.invitation}/accept`, {});
    expect(accepted.status).toBe(200);
    expect(accepted.body.status).toBe("accepted");
    const seats = accepted.body.items[0].dimensions[0];
    expect(seats).toMatchObject({ unitName: "Seats", listPriceCents: 10_000, wholesalePriceCents: 8_000 });

    const draft = await call(keys.partner!, "POST", "/offers", {
      authorizationId: ids.invitation,
      productId: ids.product,
      name: "Acme platform",
      customerAccountId: customer.accountId,
      quantities: [{ dimensionId: seats.id, quantity: 10 }],
      durationMonths: 12,
      billing: "monthly",
      markupPercent: "10",
      expiresOn: inDays(10),
    });
    expect(draft.status).toBe(201);
    routeOf("POST", "/offers").response.parse(draft.body);
    expect(draft.body.status).toBe("draft");
    ids.offer = draft.body.id;
    const extended = await call(keys.partner!, "POST", `/offers/${ids.offer}/extend`, {});
    expect(extended.status).toBe(200);
    // 10 seats × $100 list, 20% off wholesale ($800), 10% markup: $880 a month.
    expect(extended.body).toMatchObject({ status: "extended", listCentsPerMonth: 100_000, wholesaleCentsPerMonth: 80_000, customerCentsPerMonth: 88_000, markupPercent: "10", discountPercent: "20" });
    const again = await call(keys.partner!, "POST", `/offers/${ids.offer}/extend`, {});
    expect(again.status).toBe(409);
    expect(again.body.error.type).toBe("conflict_error");

    const bought = await acceptOffer(db, customer, { offerId: ids.offer, acceptTerms: true });
    expect(bought.ok).toBe(true);
    ids.agreement = bought.ok ? bought.data.agreementId : "";

    const partnerView = await call(keys.partner!, "GET", `/agreements/${ids.agreement}`);
    expect(partnerView.body).toMatchObject({ view: "partner", customerAccountId: customer.accountId, customerCentsPerMonth: 88_000 });
    const vendorView = await call(keys.isv!, "GET", "/agreements");
    routeOf("GET", "/agreements").response.parse(vendorView.body);
    expect(vendorView.body.data).toHaveLength(1);
    expect(vendorView.body.data[0]).toMatchObject({ view: "vendor", partnerAccountId: partner.accountId, wholesaleCentsPerMonth: 80_000 });
    // The vendor never learns the customer or its price.
    const text = JSON.stringify(vendorView.body) + JSON.stringify(await call(keys.isv!, "GET", `/agreements/${ids.agreement}`));
    expect(text).not.toContain(customer.accountId);
    expect(text).not.toContain("88000");
    expect(text).not.toContain(ids.offer!);
  });

  it("reports charge lines as JSON pages and as CSV, each role's own columns; reps list bills", async () => {
    await runBilling(db, new Date().toISOString().slice(0, 7));
    const partnerLines = await call(keys.partner!, "GET", "/reports/lines");
    expect(partnerLines.status).toBe(200);
    routeOf("GET", "/reports/lines").response.parse(partnerLines.body);
    expect(partnerLines.body.data.length).toBeGreaterThan(0);
    expect(partnerLines.body.data[0]).toMatchObject({ customer_name: "Acme", gross_revenue: "880.00", cost_to_isv: "800.00", currency: "USD" });
    const vendorLines = await call(keys.isv!, "GET", "/reports/lines");
    expect(vendorLines.body.data[0]).toMatchObject({ buyer_name: "Blue Harbor", wholesale_revenue: "800.00" });
    expect(JSON.stringify(vendorLines.body)).not.toMatch(/Acme|880\.00|customer/);
    // A filter that matches nothing, and a cursor page past the end.
    expect((await call(keys.partner!, "GET", "/reports/lines?from=2001-01&to=2001-02")).body.data).toEqual([]);
    const onePage = await call(keys.partner!, "GET", "/reports/lines?limit=1");
    if (onePage.body.hasMore) expect((await call(keys.partner!, "GET", `/reports/lines?limit=1&startingAfter=${onePage.body.nextCursor}`)).status).toBe(200);
    expect((await call(keys.partner!, "GET", "/reports/lines?startingAfter=bogus")).body.error.param).toBe("startingAfter");
    // The CSV holds the same lines under the same columns.
    const request = new Request("http://portal.test/api/v1/reports/lines.csv", { headers: { Authorization: `Bearer ${keys.partner}` } });
    const csv = await handleApi(request, ["reports", "lines.csv"], db);
    expect(csv.status).toBe(200);
    expect(csv.headers.get("content-type")).toContain("text/csv");
    const text = await csv.text();
    const [header, ...rows] = text.trim().split("\r\n");
    expect(header!.split(",")).toEqual(Object.keys(partnerLines.body.data[0]));
    expect(rows).toHaveLength(partnerLines.body.data.length);
    const feed = await handleApi(new Request("http://portal.test/api/v1/reports/feed.csv", { headers: { Authorization: `Bearer ${keys.isv}` } }), ["reports", "feed.csv"], db);
    const feedText = await feed.text();
    expect(feedText).toContain("invoiced");
    expect(feedText).not.toContain("Acme");

    const bills = await call(keys.rep!, "GET", "/bills");
    expect(bills.status).toBe(200);
    routeOf("GET", "/bills").response.parse(bills.body);
    const bill = bills.body.data.find((b: { customerAccountId: string }) => b.customerAccountId === customer.accountId);
    expect(bill).toMatchObject({ object: "bill", status: "issued", totalCents: 88_000 });
    ids.bill = bill.id;
    expect((await call(keys.rep!, "GET", `/bills/${bill.id}`)).body.number).toBe(bill.number);
    expect((await call(keys.rep!, "GET", "/bills?startingAfter=bogus")).status).toBe(400);
  });

  it("replays an idempotent POST, refuses the key for another request, and writes once", async () => {
    const body = { ...product, name: "Idempotent" };
    const first = await call(keys.isv!, "POST", "/products", body, { "Idempotency-Key": "idem-key-000000001" });
    const second = await call(keys.isv!, "POST", "/products", body, { "Idempotency-Key": "idem-key-000000001" });
    expect(second.status).toBe(first.status);
    expect(second.body).toEqual(first.body);
    expect(second.headers.get("Idempotent-Replayed")).toBe("true");
    const other = await call(keys.isv!, "POST", "/products", { ...body, name: "Another" }, { "Idempotency-Key": "idem-key-000000001" });
    expect(other.status).toBe(422);
    expect(other.body.error).toMatchObject({ type: "idempotency_error", code: "idempotency_key_reused", param: "Idempotency-Key" });
    // Five at once with one key: one product.
    const racing = await Promise.all([0, 1, 2, 3, 4].map(() => call(keys.isv!, "POST", "/products", { ...body, name: "Raced" }, { "Idempotency-Key": "idem-key-race-0001" })));
    expect(racing.every((r) => r.status === 201 || r.status === 409)).toBe(true);
    const list = await call(keys.isv!, "GET", "/products?limit=100");
    expect(list.body.data.filter((p: { name: string }) => p.name === "Raced")).toHaveLength(1);
    expect(list.body.data.filter((p: { name: string }) => p.name === "Idempotent")).toHaveLength(1);
    // A refused request's answer is kept too: the same retry gets the same 400.
    const bad = await call(keys.isv!, "POST", "/products", { name: "" }, { "Idempotency-Key": "idem-key-bad-00001" });
    const badAgain = await call(keys.isv!, "POST", "/products", { name: "" }, { "Idempotency-Key": "idem-key-bad-00001" });
    expect(bad.status).toBe(400);
    expect(badAgain.body).toEqual(bad.body);
    expect((await call(keys.isv!, "POST", "/products", body, { "Idempotency-Key": "short" })).status).toBe(400);
  });

  it("pages lists by cursor, newest first", async () => {
    for (let i = 0; i < 5; i++) expect((await call(keys.otherIsv!, "POST", "/products", { ...product, name: `Paged ${i}` })).status).toBe(201);
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page: Call = await call(keys.otherIsv!, "GET", `/products?limit=2${cursor ? `&startingAfter=${cursor}` : ""}`);
      expect(page.status).toBe(200);
      seen.push(...page.body.data.map((p: { name: string }) => p.name));
      cursor = page.body.nextCursor;
      expect(page.body.hasMore).toBe(cursor !== null);
      pages++;
    } while (cursor);
    expect(pages).toBe(3);
    expect(seen).toEqual(["Paged 4", "Paged 3", "Paged 2", "Paged 1", "Paged 0"]);
    for (const bad of ["limit=0", "limit=101", "limit=abc", "startingAfter=nonsense", "startingAfter=%00"]) {
      const response = await call(keys.otherIsv!, "GET", `/products?${bad}`);
      expect(response.status, bad).toBe(400);
      expect(["limit", "startingAfter"]).toContain(response.body.error.param);
    }
  });

  it("authorization matrix: no key 401, wrong role 403, missing scope 403, another tenant's ids 404", async () => {
    const samples: Record<string, string> = { "/products/{id}": ids.product!, "/invitations/{id}": ids.invitation!, "/offers/{id}": ids.offer!, "/agreements/{id}": ids.agreement!, "/bills/{id}": ids.bill ?? "bill_nowhere0000000000000" };
    const urlOf = (route: ApiRoute) => route.path.replace(/^(\/[a-z]+)\/\{id\}/, (_, base: string) => `${base}/${samples[`${base}/{id}`] ?? "dsb_nowhere0000000000000"}`);
    const revoked = await keyFor(partner);
    const [revokedRow] = await db.select().from(apiKeys).where(eq(apiKeys.secretHash, (await import("@/lib/api/keys")).hashSecret(revoked)));
    expect((await revokeApiKey(db, partner, { keyId: revokedRow!.id })).ok).toBe(true);
    const customerKey = "cppo_sk_" + "0".repeat(32);
    // Reps are one tenant (the marketplace): they have no other tenant's ids to try.
    const owners: Record<string, { own: string; otherTenant: string | null; user: CurrentUser }> = {
      isv: { own: keys.isv!, otherTenant: keys.otherIsv!, user: isv },
      partner: { own: keys.partner!, otherTenant: keys.otherPartner!, user: partner },
      rep: { own: keys.rep!, otherTenant: null, user: rep },
    };
    for (const route of API_ROUTES) {
      const url = urlOf(route);
      const body = route.method === "POST" ? {} : undefined;
      for (const anonymous of [null, customerKey, revoked, "Basic abc"]) {
        const response = await call(anonymous === "Basic abc" ? null : anonymous, route.method, url, body, anonymous === "Basic abc" ? { Authorization: "Basic abc" } : {});
        expect(response.status, `${route.method} ${url} with ${anonymous}`).toBe(401);
      }
      for (const role of ["isv", "partner", "rep"] as const) {
        const { own, otherTenant, user } = owners[role]!;
        if (!route.roles.includes(role)) {
          const response = await call(own, route.method, url, body);
          expect(response.status, `${role} ${route.method} ${route.path}`).toBe(403);
          expect(response.body.error.code).toBe("role_not_allowed");
          continue;
        }
        // A key of the right role without the route's scope.
        const narrow = await keyFor(user, API_SCOPES.filter((s) => s !== route.scope).slice(0, 1));
        const scoped = await call(narrow, route.method, url, body);
        expect(scoped.status, `scope ${route.scope}`).toBe(403);
        expect(scoped.body.error).toMatchObject({ code: "missing_scope", param: route.scope });
        // Another tenant of the same role, naming the first tenant's object.
        if (route.path.includes("{id}") && otherTenant) {
          const foreign = await call(otherTenant, route.method, url, body);
          expect(foreign.status, `${role} of another tenant ${route.method} ${url}`).toBe(404);
          expect(foreign.body.error.type).toBe("not_found_error");
        }
      }
    }
    // The role denials are on record.
    const denied = await db.select().from(auditEvents).where(eq(auditEvents.outcome, "denied"));
    expect(denied.some((e) => e.action.startsWith("api.") && e.actorUserId === partner.id)).toBe(true);
  }, 120_000);

  it("answers bad input with 400 naming the field, never 500", async () => {
    expect((await call(keys.isv!, "POST", "/products", "{not json")).body.error.code).toBe("invalid_json");
    expect((await call(keys.isv!, "POST", "/products", "[1,2]")).status).toBe(400);
    expect((await call(keys.isv!, "GET", "/nowhere")).status).toBe(404);
    const wrongMethod = await call(keys.isv!, "POST", "/agreements", {});
    expect(wrongMethod.status).toBe(405);
    expect(wrongMethod.headers.get("Allow")).toBe("GET");
    const hostile: unknown[] = [null, "", " ", -1, 1e308, "NaN", "<script>", "x".repeat(20_000), [], {}, true, "'; drop table users; --", "\u0000"];
    for (const route of API_ROUTES.filter((r) => r.method === "POST")) {
      const url = route.path.replace("{id}", route.path.startsWith("/offers") ? ids.offer! : ids.invitation!);
      const key = route.roles.includes("partner") ? keys.partner! : keys.isv!;
      const schema = requestSchema(route) as { properties?: Record<string, unknown> } | null;
      for (const field of Object.keys(schema?.properties ?? { anything: 1 })) {
        for (const value of hostile) {
          const response = await call(key, "POST", url, { [field]: value });
          expect(response.status, `${route.path} ${field}=${JSON.stringify(value)?.slice(0, 20)}`).toBeLessThan(500);
          expect(response.status).not.toBe(429);
          if (response.status === 400 && response.body.error.errors) expect(response.body.error.param).toBeTruthy();
        }
      }
    }
  }, 300_000);

  it("limits each key's rate with Retry-After", async () => {
    const previous = process.env.API_RATE_LIMIT;
    process.env.API_RATE_LIMIT = "3";
    const fresh = await keyFor(otherPartner);
    try {
      const key = await keyFor(otherPartner);
      const answers = [];
      for (let i = 0; i < 4; i++) answers.push(await call(key, "GET", "/offers"));
      expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 429]);
      expect(answers[2]!.headers.get("X-RateLimit-Remaining")).toBe("0");
      expect(answers[3]!.body.error.type).toBe("rate_limit_error");
      expect(Number(answers[3]!.headers.get("Retry-After"))).toBeGreaterThanOrEqual(1);
      // Another key is counted on its own.
      expect((await call(fresh, "GET", "/offers")).status).toBe(200);
    } finally {
      if (previous === undefined) delete process.env.API_RATE_LIMIT;
      else process.env.API_RATE_LIMIT = previous;
    }
  });

  it("documents every route, and each route accepts what its document says", async () => {
    const doc = openApiDocument();
    expect(doc.openapi).toBe("3.1.0");
    for (const route of API_ROUTES) {
      const operation = doc.paths[route.path]?.[route.method.toLowerCase()] as { operationId: string; requestBody?: { content: Record<string, { schema: { required?: string[]; properties?: Record<string, unknown> } }> } } | undefined;
      expect(operation, `${route.method} ${route.path} is in the document`).toBeDefined();
      expect(operation!.operationId).toBe(route.operationId);
      if (route.method !== "POST") continue;
      const schema = operation!.requestBody?.content["application/json"]?.schema;
      expect(schema, `${route.path} documents its body`).toBeDefined();
      // An empty body is refused on exactly the documented required fields.
      const required = [...(schema!.required ?? [])].sort();
      if (required.length === 0) continue;
      const key = route.roles.includes("partner") ? keys.partner! : keys.isv!;
      const response = await call(key, "POST", route.path.replace("{id}", ids.invitation!), {});
      expect(response.status, route.path).toBe(400);
      const params = [...new Set((response.body.error.errors as { param: string }[]).map((e) => e.param.split(".")[0]))].sort();
      expect(params, `${route.method} ${route.path}: fields refused vs. documented as required`).toEqual(required);
    }
    // The only route files under /api/v1 are the catch-all this table serves and the document itself.
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        if (entry.isDirectory()) walk(path.join(dir, entry.name));
        else files.push(path.relative(path.join(root, "app", "api", "v1"), path.join(dir, entry.name)));
      }
    };
    walk(path.join(root, "app", "api", "v1"));
    expect(files.sort()).toEqual(["[...path]/route.ts", "openapi.json/route.ts"]);
  });
});
