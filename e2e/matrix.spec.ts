// The authorization matrix over HTTP (TESTING.md items 1, 2, 4 and 7): every
// page and route handler the app directory holds, and every server action in
// the build's manifest, requested as nine demo users of four roles — with its own ids and
// with every other tenant's — as HTML and as the RSC payload. Allowed cells
// answer 200; the rest answer "not found". No answer, allowed or not, may
// contain another tenant's private strings, and refused actions write nothing.
// PROBE_ALL=1 (the bench) probes every object instead of a few of each kind.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import type { APIRequestContext } from "@playwright/test";
import { request as playwrightRequest } from "@playwright/test";
import { DEMO_ACCOUNTS, DEMO_PASSWORD, DEMO_USERS } from "../lib/demo";
import { can, type Permission } from "../lib/auth/permissions";
import type { Role } from "../lib/enums";
import { expect, test } from "./fixtures";
import { dialect } from "./helpers";

const root = process.cwd();
const databaseUrl = process.env.E2E_DATABASE_URL ?? `file:./data/e2e-${process.env.E2E_PORT ?? 3100}.db`;
const ALL = process.env.PROBE_ALL === "1";
const PER_KIND = 3;

const tsx = (...args: string[]) =>
  execFileSync(process.execPath, ["--import", "tsx", "e2e/support/probe-data.ts", ...args], {
    cwd: root,
    env: { ...process.env, TSX_TSCONFIG_PATH: dialect === "pg" ? "tsconfig.pg.json" : "tsconfig.json" },
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });

interface Data {
  accounts: { id: string; type: string; name: string }[];
  offers: { id: string; partner: string; customer: string; isv: string; status: string; extendedAt: string | null }[];
  invitations: { id: string; isv: string; partner: string; buyer: string | null }[];
  bills: { id: string; customer: string }[];
  products: { id: string; isv: string; name: string }[];
  agreements: { id: string; customer: string; partner: string; isv: string }[];
  payouts: { id: string; seller: string }[];
  runs: { id: string }[];
  notifications: { id: string; account: string }[];
  opportunities: { id: string; partner: string; isv: string; customer: string }[];
  requests: { id: string; partner: string; isv: string; opportunity: string }[];
  mail: { id: string; to: string; account: string }[];
}

interface Viewer {
  email: string;
  role: Role;
  accountId: string;
  area: string;
}

type Kind = "accounts" | "offers" | "invitations" | "bills" | "products" | "agreements" | "payouts" | "runs" | "opportunities" | "mail";
type Row = { id: string } & Record<string, unknown>;

/** Every dynamic route, the kind of object its id names, and who may open it. A new route must be added here. */
const DYNAMIC: Record<string, { kind: Kind; sees: (viewer: Viewer, row: Row) => boolean }> = {
  "/vendor/invitations/[id]": { kind: "invitations", sees: (v, r) => v.role === "isv" && r.isv === v.accountId },
  "/vendor/products/[id]": { kind: "products", sees: (v, r) => v.role === "isv" && r.isv === v.accountId },
  "/vendor/money/payouts/[id]": { kind: "payouts", sees: (v, r) => v.role === "isv" && r.seller === v.accountId },
  "/partner/invitations/[id]": { kind: "invitations", sees: (v, r) => v.role === "partner" && r.partner === v.accountId },
  "/partner/offers/[id]": { kind: "offers", sees: (v, r) => v.role === "partner" && r.partner === v.accountId },
  "/partner/money/payouts/[id]": { kind: "payouts", sees: (v, r) => v.role === "partner" && r.seller === v.accountId },
  "/buyer/offers/[id]": { kind: "offers", sees: (v, r) => v.role === "customer" && r.customer === v.accountId && r.extendedAt !== null },
  "/buyer/bills/[id]": { kind: "bills", sees: (v, r) => v.role === "customer" && r.customer === v.accountId },
  "/buyer/subscriptions/[id]": { kind: "agreements", sees: (v, r) => v.role === "customer" && r.customer === v.accountId },
  "/marketplace/bills/[id]": { kind: "bills", sees: (v) => v.role === "rep" },
  "/marketplace/disbursements/[id]": { kind: "payouts", sees: (v) => v.role === "rep" },
  "/api/jobs/[id]": { kind: "runs", sees: (v) => v.role === "rep" },
  "/marketplace/accounts/[id]": { kind: "accounts", sees: (v) => v.role === "rep" },
  "/marketplace/offers/[id]": { kind: "offers", sees: (v) => v.role === "rep" },
  "/marketplace/agreements/[id]": { kind: "agreements", sees: (v) => v.role === "rep" },
  "/marketplace/invitations/[id]": { kind: "invitations", sees: (v) => v.role === "rep" },
  "/partner/opportunities/[id]": { kind: "opportunities", sees: (v, r) => v.role === "partner" && r.partner === v.accountId },
  "/vendor/opportunities/[id]": { kind: "opportunities", sees: (v, r) => v.role === "isv" && r.isv === v.accountId },
  "/marketplace/deals/[id]": { kind: "opportunities", sees: (v) => v.role === "rep" },
  // An e-mail is its recipient's (a user, not the account); reps read every one.
  "/vendor/mail/[id]": { kind: "mail", sees: (v, r) => v.role === "isv" && r.to === v.email },
  "/partner/mail/[id]": { kind: "mail", sees: (v, r) => v.role === "partner" && r.to === v.email },
  "/buyer/mail/[id]": { kind: "mail", sees: (v, r) => v.role === "customer" && r.to === v.email },
  "/marketplace/mail/[id]": { kind: "mail", sees: (v) => v.role === "rep" },
  "/api/mail/[id]/html": { kind: "mail", sees: (v, r) => v.role === "rep" || r.to === v.email },
};
/** Probed on their own below, or public by design. */
// The public API (/api/v1) answers API keys, not sessions: lib/api/api.int.test.ts probes every route, scope and tenant.
const OTHER_ROUTES = ["/", "/sign-in", "/sign-up", "/api/auth/[...nextauth]", "/api/health", "/api/notifications/[id]/open", "/api/reports/[report]", "/api/v1/[...path]", "/api/v1/openapi.json", "/api/demo/webhooks"];
const AUTH_ACTIONS = ["signInAction", "signUpAction", "signOutAction"];

/** Routes from the app directory: "/vendor/offers/[id]" for app/vendor/offers/[id]/page.tsx. */
function appRoutes(): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name === "page.tsx" || entry.name === "route.ts") {
        const route = "/" + path.relative(path.join(root, "app"), dir).split(path.sep).filter((s) => !/^\(.*\)$/.test(s) && !s.startsWith("_")).join("/");
        out.push(route === "/" ? "/" : route.replace(/\/$/, ""));
      }
    }
  };
  walk(path.join(root, "app"));
  return [...new Set(out)].sort();
}

// Every demo user but customer3, whose password a story changes before this runs.
const VIEWERS: Viewer[] = DEMO_USERS.filter((u) => u.email !== "customer3@demo.example").map(({ email }) => {
  const user = DEMO_USERS.find((u) => u.email === email)!;
  const area = { isv: "vendor", partner: "partner", customer: "buyer", rep: "marketplace" }[user.role];
  return { email, role: user.role, accountId: DEMO_ACCOUNTS[user.account].id, area };
});

/** Strings a viewer must never receive: other tenants' names, and for customers the figures behind their price. */
function forbiddenFor(viewer: Viewer, data: Data): string[] {
  const name = (id: string) => data.accounts.find((a) => a.id === id)?.name;
  const customers = data.accounts.filter((a) => a.type === "customer");
  if (viewer.role === "rep") return [];
  if (viewer.role === "customer") return [...customers.filter((c) => c.id !== viewer.accountId).map((c) => c.name), "Wholesale", "wholesale", "markup", "Markup"];
  if (viewer.role === "isv") {
    // A vendor sees the partner as its buyer, never the end customer (unless it named that buyer itself,
    // or a partner registered an opportunity for that customer with it: the deal names the customer).
    const named = new Set([...data.invitations.filter((i) => i.isv === viewer.accountId && i.buyer).map((i) => i.buyer), ...data.opportunities.filter((o) => o.isv === viewer.accountId).map((o) => o.customer)]);
    return [...customers.filter((c) => !named.has(c.id)).map((c) => c.name), ...data.products.filter((p) => p.isv !== viewer.accountId).map((p) => p.name)];
  }
  // A partner sees its own customers, never another partner or that partner's customers.
  const own = new Set([
    ...data.offers.filter((o) => o.partner === viewer.accountId).map((o) => o.customer),
    ...data.invitations.filter((i) => i.partner === viewer.accountId && i.buyer).map((i) => i.buyer),
    ...data.opportunities.filter((o) => o.partner === viewer.accountId).map((o) => o.customer),
  ]);
  const otherPartners = data.accounts.filter((a) => a.type === "partner" && a.id !== viewer.accountId).map((a) => a.name);
  return [...customers.filter((c) => !own.has(c.id)).map((c) => c.name), ...otherPartners].filter((n): n is string => Boolean(n) && n !== name(viewer.accountId));
}

async function sessionFor(baseURL: string, email: string): Promise<APIRequestContext> {
  const context = await playwrightRequest.newContext({ baseURL });
  const csrf = await context.get("/api/auth/csrf");
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const response = await context.post("/api/auth/callback/credentials", { form: { email, password: DEMO_PASSWORD, csrfToken, callbackUrl: "/" }, maxRedirects: 0 });
  expect(response.headers()["location"] ?? "", `sign-in as ${email}`).not.toContain("error");
  return context;
}

test("every page, route handler and server action answers each tenant only with its own", async ({ baseURL }) => {
  test.setTimeout(1_800_000);
  const data = JSON.parse(tsx("data", databaseUrl)) as Data;
  const routes = appRoutes();
  const unknown = routes.filter((r) => r.includes("[") && !DYNAMIC[r] && !OTHER_ROUTES.includes(r));
  expect(unknown, "dynamic routes the probe does not know: add them to DYNAMIC").toEqual([]);
  const staticRoutes = routes.filter((r) => !r.includes("[") && !OTHER_ROUTES.includes(r));
  let probes = 0;
  const leaks: string[] = [];
  const wrong: string[] = [];

  const check = async (session: APIRequestContext, viewer: Viewer, url: string, expected: number, forbidden: string[]) => {
    for (const rsc of [false, true]) {
      // An RSC request is redirected once to carry its cache-busting _rsc parameter.
      const response = await session.get(url, { headers: rsc ? { RSC: "1" } : {}, maxRedirects: rsc ? 3 : 0 });
      probes++;
      const body = await response.text();
      // The RSC payload of a refused page is the not-found tree (Next answers an RSC request 200 and lets the router render it).
      const status = rsc ? (body.includes("NEXT_HTTP_ERROR_FALLBACK;404") ? 404 : response.status()) : response.status();
      if (status !== expected) wrong.push(`${viewer.email} ${rsc ? "RSC " : ""}GET ${url}: ${status}, expected ${expected}`);
      for (const secret of forbidden) if (body.includes(secret)) leaks.push(`${viewer.email} ${rsc ? "RSC " : ""}GET ${url} contains "${secret}"`);
    }
  };

  for (const viewer of VIEWERS) {
    const session = await sessionFor(baseURL!, viewer.email);
    const forbidden = forbiddenFor(viewer, data);
    for (const route of staticRoutes) await check(session, viewer, route, route === `/${viewer.area}` || route.startsWith(`/${viewer.area}/`) ? 200 : 404, forbidden);
    for (const [route, { kind, sees }] of Object.entries(DYNAMIC)) {
      const rows = data[kind] as Row[];
      const own = rows.filter((r) => sees(viewer, r));
      const others = rows.filter((r) => !sees(viewer, r));
      for (const row of ALL ? rows : [...own.slice(0, PER_KIND), ...others.slice(0, PER_KIND)]) {
        const url = route.replace("[id]", row.id);
        const allowed = sees(viewer, row);
        await check(session, viewer, url, allowed ? 200 : 404, forbidden);
      }
    }
    // CSV exports: sellers and reps get their own lines, sellers their event feed; the body obeys the same rules as the pages.
    for (const report of ["lines", "feed", "other"]) {
      const allowed = report === "lines" ? viewer.role !== "customer" : report === "feed" ? viewer.role === "isv" || viewer.role === "partner" : false;
      await check(session, viewer, `/api/reports/${report}`, allowed ? 200 : 404, forbidden);
    }
    // Opening another account's notification (a POST) is not found; one's own is a redirect.
    const foreignNote = data.notifications.find((n) => n.account !== viewer.accountId);
    if (foreignNote) {
      const response = await session.post(`/api/notifications/${foreignNote.id}/open`, { maxRedirects: 0 });
      probes++;
      if (response.status() !== 404) wrong.push(`${viewer.email} POST open of another account's notification: ${response.status()}`);
    }
    await session.dispose();
  }

  // Server actions: every one in the build must be an operation in the permission table.
  const manifest = JSON.parse(fs.readFileSync(path.join(root, `.next-e2e-${dialect}`, "server", "server-reference-manifest.json"), "utf8")) as {
    node: Record<string, { exportedName: string; workers: Record<string, unknown> }>;
  };
  const permissions = JSON.parse(tsx("operations", databaseUrl)) as Record<string, Permission>;
  const actions = Object.entries(manifest.node).map(([id, entry]) => ({ id, name: entry.exportedName, page: Object.keys(entry.workers)[0]! }));
  const unregistered = actions.filter((a) => !AUTH_ACTIONS.includes(a.name) && !permissions[a.name.replace(/Action$/, "")]);
  expect(unregistered.map((a) => a.name), "server actions without an operation in the permission table").toEqual([]);

  const before = tsx("counts", databaseUrl);
  for (const viewer of VIEWERS) {
    const session = await sessionFor(baseURL!, viewer.email);
    const forbidden = forbiddenFor(viewer, data);
    // Ids of objects this viewer may not touch, of each kind (every one in the long mode, else the first).
    // Where no other tenant has one, an id that exists nowhere (the same answer is due).
    const pick = <T extends { id: string }>(rows: T[], foreignTo: (row: T) => boolean, none: string) => {
      const ids = rows.filter(foreignTo).map((r) => r.id);
      return ids.length ? (ALL ? ids : ids.slice(0, 1)) : [none];
    };
    const foreign = {
      invitationId: pick(data.invitations, (i) => i.isv !== viewer.accountId && i.partner !== viewer.accountId, "inv_nowhere00000000000000"),
      offerId: pick(data.offers, (o) => o.partner !== viewer.accountId && o.customer !== viewer.accountId, "off_nowhere00000000000000"),
      billId: pick(data.bills, (b) => b.customer !== viewer.accountId, "bill_nowhere0000000000000"),
      productId: pick(data.products, (p) => p.isv !== viewer.accountId, "prod_nowhere0000000000000"),
      opportunityId: pick(data.opportunities, (o) => o.isv !== viewer.accountId && o.partner !== viewer.accountId, "opp_nowhere00000000000000"),
      requestId: pick(data.requests, (r) => r.partner !== viewer.accountId && r.isv !== viewer.accountId, "dr_nowhere000000000000000"),
    };
    const future = new Date(Date.now() + 9 * 86_400_000).toISOString().slice(0, 10);
    const product = { name: "Probe", description: "Probe.", eulaText: "A probing EULA, long enough.", dimensions: [{ unitName: "Units", price: "1" }] };
    const inputs: Record<string, Record<string, unknown>[]> = {
      acceptInvitation: foreign.invitationId.map((invitationId) => ({ invitationId })),
      declineInvitation: foreign.invitationId.map((invitationId) => ({ invitationId, reason: "probe" })),
      revokeAuthorization: foreign.invitationId.map((invitationId) => ({ invitationId })),
      extendOffer: foreign.offerId.map((offerId) => ({ offerId })),
      withdrawOffer: foreign.offerId.map((offerId) => ({ offerId })),
      cloneOffer: foreign.offerId.map((offerId) => ({ offerId })),
      acceptOffer: foreign.offerId.map((offerId) => ({ offerId, acceptTerms: true })),
      payBill: foreign.billId.map((billId) => ({ billId, idempotencyKey: "probe_key_0123456789abcdef" })),
      updateProduct: foreign.productId.map((productId) => ({ productId, product })),
      approveOpportunity: foreign.opportunityId.map((opportunityId) => ({ opportunityId, additionalDiscountPercent: "5", productIds: foreign.productId.slice(0, 1), startsOn: future, endsOn: future })),
      rejectOpportunity: foreign.opportunityId.map((opportunityId) => ({ opportunityId, reason: "probe" })),
      provideMarkup: foreign.requestId.map((requestId) => ({ requestId, markupPercent: "10" })),
      // Registered with one vendor, naming another vendor's product.
      registerOpportunity: pick(data.products, (p) => p.isv !== DEMO_ACCOUNTS.isv.id, "prod_nowhere0000000000000").map((productId) => ({
        isvAccountId: DEMO_ACCOUNTS.isv.id,
        productIds: [productId],
        customerAccountId: DEMO_ACCOUNTS.customer.id,
        name: "Probe deal",
        description: "Probe.",
        expectedValue: "1000",
        expectedCloseOn: future,
      })),
      saveOfferDraft: foreign.invitationId.map((authorizationId) => ({
        authorizationId,
        productId: foreign.productId[0],
        name: "Probe offer",
        customerAccountId: DEMO_ACCOUNTS.customer.id,
        quantities: [{ dimensionId: "dim_probe0000000000000000", quantity: 1 }],
        durationMonths: 12,
        billing: "monthly",
        markupPercent: "10",
        expiresOn: future,
      })),
    };
    for (const action of actions.filter((a) => !AUTH_ACTIONS.includes(a.name))) {
      const operation = action.name.replace(/Action$/, "");
      const allowed = can(viewer.role, permissions[operation]!);
      // An allowed role is probed with other tenants' ids; actions that take no id are covered by their own tests.
      for (const input of allowed ? (inputs[operation] ?? []) : (inputs[operation] ?? [{ name: "probe" }])) {
        const page = "/" + action.page.replace(/^app\//, "").replace(/\/page$/, "").replace(/\(.*?\)\//, "").replace("[id]", "probe");
        const response = await session.post(page, {
          headers: { "Next-Action": action.id, "Content-Type": "text/plain;charset=UTF-8", Accept: "text/x-component" },
          data: JSON.stringify([input]),
          maxRedirects: 0,
        });
        probes++;
        const body = await response.text();
        if (!body.includes("Not found.")) wrong.push(`${viewer.email} ${action.name}${allowed ? " with another tenant's id" : ""}: ${response.status()} ${body.slice(0, 200)}`);
        for (const secret of forbidden) if (body.includes(secret)) leaks.push(`${viewer.email} ${action.name} answer contains "${secret}"`);
      }
    }
    await session.dispose();
  }
  const after = tsx("counts", databaseUrl);
  console.log(`authorization probe on ${dialect}: ${probes} requests, ${leaks.length} leaks, ${wrong.length} wrong answers`);
  expect(leaks).toEqual([]);
  expect(wrong).toEqual([]);
  expect(JSON.parse(after), "refused actions wrote nothing").toEqual(JSON.parse(before));
});
