// Every endpoint of the public API, in one table: the handler (lib/api/handler.ts)
// serves from it and the OpenAPI document (lib/api/openapi.ts) is made from it,
// so a route cannot exist without its documentation. Writes go through the same
// operations as the screens (lib/actions/operation.ts): the permission table,
// validation, tenant checks, audit and notifications are the screens' own.
import { z } from "zod";
import type { Db } from "@/db";
import type { Role } from "@/db/enums";
import type { Operation } from "@/lib/actions/operation";
import type { CurrentUser } from "@/lib/auth/authorize";
import { NOT_FOUND, type ActionResult } from "@/lib/result";
import { ApiError, badCursor, encodeCursor, invalid, listOf, notFound, type Cursor } from "@/lib/api/http";
import type { ApiScope } from "@/lib/api/keys";
import {
  agreementFor,
  agreementOut,
  billFor,
  billOut,
  decodeBillCursor,
  decodeLineCursor,
  encodeBillCursor,
  encodeLineCursor,
  listBillsFor,
  reportLineOut,
  disbursementFor,
  disbursementOut,
  invitationFor,
  invitationOut,
  listAgreementsFor,
  listDisbursementsFor,
  listInvitationsFor,
  listOffersFor,
  listOut,
  listProductsFor,
  offerFor,
  offerOut,
  productFor,
  productOut,
  type Page,
} from "@/lib/api/resources";
import { acceptInvitation, declineInvitation, revokeAuthorization, sendInvitation } from "@/lib/invitations/service";
import { declineInvitationSchema, sendInvitationSchema } from "@/lib/invitations/validations";
import { cloneOffer, extendOffer, saveOfferDraft, withdrawOffer } from "@/lib/offers/service";
import { offerFieldsSchema } from "@/lib/offers/validations";
import { createProduct } from "@/lib/products/service";
import { productSchema } from "@/lib/products/validations";
import { csvResponse } from "@/lib/reports/csv";
import { FEED_HEADER, feedCsvChunks, lineColumns, lineCsvChunks } from "@/lib/reports/export";
import { parseReportFilter } from "@/lib/reports/filters";
import { allReportLines, type ReportViewer } from "@/lib/reports/queries";
import type { ReportLine } from "@/lib/reports/table";

export interface RouteContext {
  db: Db;
  user: CurrentUser;
  params: Record<string, string>;
  page: Page;
  query: URLSearchParams;
  body: Record<string, unknown>;
}

export interface ApiRoute {
  method: "GET" | "POST";
  /** OpenAPI path template under /api/v1, e.g. "/offers/{id}/extend". */
  path: string;
  operationId: string;
  summary: string;
  tag: string;
  scope: ApiScope;
  /** The roles whose keys may call it (others get 403). */
  roles: readonly Role[];
  /** A list endpoint: `limit` and `startingAfter` in the query. */
  list?: boolean;
  /** The route reads `startingAfter` itself (a cursor over other keys than creation time). */
  ownCursor?: boolean;
  /** Further query parameters it reads (documented as optional strings). */
  query?: readonly { name: string; description: string }[];
  /** A CSV export instead of JSON. */
  produces?: "text/csv";
  /** The JSON body it accepts (POST). */
  body?: z.ZodType;
  response: z.ZodType;
  /** 201 for a create, else 200. */
  status?: number;
  /** The answer's body (as JSON), or a whole Response (CSV exports). */
  run(ctx: RouteContext): Promise<unknown>;
}

/** An operation's answer, or the API error it means. */
function unwrap<T>(result: ActionResult<T>): T {
  if (result.ok) return result.data;
  if (result.error === NOT_FOUND) throw notFound();
  if (result.fieldErrors && Object.keys(result.fieldErrors).length) throw invalid(result.error ?? "Invalid input", result.fieldErrors);
  throw new ApiError(409, "conflict_error", result.code ?? "refused", result.error ?? "The request was refused.");
}

async function found<T>(value: Promise<T | null>): Promise<T> {
  const row = await value;
  if (!row) throw notFound();
  return row;
}

/** Runs an operation with the body (and the path's id under `idField`), then reads back the resource. */
function write<R>(operation: Operation<R>, input: (ctx: RouteContext) => Record<string, unknown>, read: (ctx: RouteContext, result: R) => Promise<unknown>) {
  return async (ctx: RouteContext) => read(ctx, unwrap(await operation(ctx.db, ctx.user, input(ctx))));
}

/** A resource's list and get endpoints: the caller's own rows, newest first by cursor, and one of them by id. */
function readable<T>(spec: {
  path: string;
  noun: { one: string; many: string };
  tag: string;
  scope: ApiScope;
  roles: readonly Role[];
  out: z.ZodType<T>;
  summaries: { list: string; get: string };
  list: (db: Db, user: CurrentUser, page: Page) => Promise<{ rows: T[]; position: (row: T) => Cursor }>;
  get: (db: Db, user: CurrentUser, id: string) => Promise<T | null>;
}): ApiRoute[] {
  const common = { tag: spec.tag, scope: spec.scope, roles: spec.roles };
  return [
    {
      ...common,
      method: "GET",
      path: spec.path,
      operationId: `list${spec.noun.many}`,
      summary: spec.summaries.list,
      list: true,
      response: listOut(spec.out),
      run: async ({ db, user, page }) => {
        const { rows, position } = await spec.list(db, user, page);
        return listOf(rows, page.limit, (row) => encodeCursor(position(row)));
      },
    },
    { ...common, method: "GET", path: `${spec.path}/{id}`, operationId: `get${spec.noun.one}`, summary: spec.summaries.get, response: spec.out, run: ({ db, user, params }) => found(spec.get(db, user, params.id!)) },
  ];
}

const noBody = z.object({}).strict();

const REPORT_FILTER_PARAMS = [
  { name: "from", description: "First billing period, YYYY-MM" },
  { name: "to", description: "Last billing period, YYYY-MM" },
  { name: "product", description: "A product id" },
  { name: "partner", description: "A partner's account id (vendor reports)" },
  { name: "isv", description: "A vendor's account id (partner reports)" },
] as const;

function sellerViewer(user: CurrentUser): ReportViewer & { role: "isv" | "partner" } {
  if (user.role === "isv" || user.role === "partner") return { role: user.role, accountId: user.accountId };
  throw notFound();
}

const filterOf = (query: URLSearchParams) => parseReportFilter(Object.fromEntries(query.entries()));
const today = () => new Date().toISOString().slice(0, 10);

export const API_ROUTES: readonly ApiRoute[] = [
  // ── Products ──
  ...readable({
    path: "/products",
    noun: { one: "Product", many: "Products" },
    tag: "Products",
    scope: "products:read",
    roles: ["isv"],
    out: productOut,
    summaries: { list: "List your products", get: "Get one of your products" },
    list: listProductsFor,
    get: productFor,
  }),
  {
    method: "POST",
    path: "/products",
    operationId: "createProduct",
    summary: "Create a product",
    tag: "Products",
    scope: "products:write",
    roles: ["isv"],
    body: productSchema,
    response: productOut,
    status: 201,
    run: write(createProduct, (c) => c.body, (c, r) => found(productFor(c.db, c.user, r.productId))),
  },
  // ── Invitations (resale authorizations) ──
  ...readable({
    path: "/invitations",
    noun: { one: "Invitation", many: "Invitations" },
    tag: "Invitations",
    scope: "invitations:read",
    roles: ["isv", "partner"],
    out: invitationOut,
    summaries: { list: "List invitations you sent (vendor) or received (partner)", get: "Get an invitation, with its products, units and wholesale prices" },
    list: listInvitationsFor,
    get: invitationFor,
  }),
  {
    method: "POST",
    path: "/invitations",
    operationId: "sendInvitation",
    summary: "Invite a partner to resell your products",
    tag: "Invitations",
    scope: "invitations:write",
    roles: ["isv"],
    body: sendInvitationSchema,
    response: invitationOut,
    status: 201,
    run: write(sendInvitation, (c) => c.body, (c, r) => found(invitationFor(c.db, c.user, r.invitationId))),
  },
  {
    method: "POST",
    path: "/invitations/{id}/accept",
    operationId: "acceptInvitation",
    summary: "Accept an invitation (partner; a complete seller registration is required)",
    tag: "Invitations",
    scope: "invitations:write",
    roles: ["partner"],
    body: noBody,
    response: invitationOut,
    run: write(acceptInvitation, (c) => ({ ...c.body, invitationId: c.params.id }), (c, r) => found(invitationFor(c.db, c.user, r.invitationId))),
  },
  {
    method: "POST",
    path: "/invitations/{id}/decline",
    operationId: "declineInvitation",
    summary: "Decline an invitation (partner)",
    tag: "Invitations",
    scope: "invitations:write",
    roles: ["partner"],
    body: declineInvitationSchema.omit({ invitationId: true }).strict(),
    response: invitationOut,
    run: write(declineInvitation, (c) => ({ ...c.body, invitationId: c.params.id }), (c, r) => found(invitationFor(c.db, c.user, r.invitationId))),
  },
  {
    method: "POST",
    path: "/invitations/{id}/revoke",
    operationId: "revokeInvitation",
    summary: "Withdraw a pending invitation or revoke an accepted authorization (vendor)",
    tag: "Invitations",
    scope: "invitations:write",
    roles: ["isv"],
    body: noBody,
    response: invitationOut,
    run: write(revokeAuthorization, (c) => ({ ...c.body, invitationId: c.params.id }), (c, r) => found(invitationFor(c.db, c.user, r.invitationId))),
  },
  // ── Private offers (partner) ──
  ...readable({
    path: "/offers",
    noun: { one: "Offer", many: "Offers" },
    tag: "Offers",
    scope: "offers:read",
    roles: ["partner"],
    out: offerOut,
    summaries: { list: "List your private offers", get: "Get one of your private offers" },
    list: listOffersFor,
    get: offerFor,
  }),
  {
    method: "POST",
    path: "/offers",
    operationId: "createOffer",
    summary: "Draft a private offer for a customer under an accepted authorization",
    tag: "Offers",
    scope: "offers:write",
    roles: ["partner"],
    body: offerFieldsSchema,
    response: offerOut,
    status: 201,
    // A new draft only: the operation's offerId (edit a draft) is not part of this endpoint.
    run: write(saveOfferDraft, (c) => ({ ...c.body, offerId: undefined }), (c, r) => found(offerFor(c.db, c.user, r.offerId))),
  },
  {
    method: "POST",
    path: "/offers/{id}/extend",
    operationId: "extendOffer",
    summary: "Extend a draft to its customer (prices freeze; the customer is told)",
    tag: "Offers",
    scope: "offers:write",
    roles: ["partner"],
    body: noBody,
    response: offerOut,
    run: write(extendOffer, (c) => ({ ...c.body, offerId: c.params.id }), (c, r) => found(offerFor(c.db, c.user, r.offerId))),
  },
  {
    method: "POST",
    path: "/offers/{id}/withdraw",
    operationId: "withdrawOffer",
    summary: "Withdraw an offer the customer has not accepted",
    tag: "Offers",
    scope: "offers:write",
    roles: ["partner"],
    body: noBody,
    response: offerOut,
    run: write(withdrawOffer, (c) => ({ ...c.body, offerId: c.params.id }), (c, r) => found(offerFor(c.db, c.user, r.offerId))),
  },
  {
    method: "POST",
    path: "/offers/{id}/clone",
    operationId: "cloneOffer",
    summary: "Copy an offer into a new draft",
    tag: "Offers",
    scope: "offers:write",
    roles: ["partner"],
    body: noBody,
    response: offerOut,
    status: 201,
    run: write(cloneOffer, (c) => ({ ...c.body, offerId: c.params.id }), (c, r) => found(offerFor(c.db, c.user, r.offerId))),
  },
  // ── Agreements ──
  ...readable({
    path: "/agreements",
    noun: { one: "Agreement", many: "Agreements" },
    tag: "Agreements",
    scope: "agreements:read",
    roles: ["isv", "partner"],
    out: agreementOut,
    summaries: { list: "List agreements: a partner's sales, or a vendor's channel sales (the partner as buyer)", get: "Get an agreement" },
    list: listAgreementsFor,
    get: agreementFor,
  }),
  // ── Disbursements ──
  ...readable({
    path: "/disbursements",
    noun: { one: "Disbursement", many: "Disbursements" },
    tag: "Disbursements",
    scope: "disbursements:read",
    roles: ["isv", "partner"],
    out: disbursementOut,
    summaries: { list: "List your payouts", get: "Get one of your payouts" },
    list: listDisbursementsFor,
    get: disbursementFor,
  }),
  // ── Reports ──
  {
    method: "GET",
    path: "/reports/lines",
    operationId: "listReportLines",
    summary: "Charge lines as the line report shows them, oldest period first (vendor: the partner as buyer; partner: its customers); filters from, to (YYYY-MM), product, partner, isv",
    tag: "Reports",
    scope: "reports:read",
    roles: ["isv", "partner"],
    list: true,
    ownCursor: true,
    query: REPORT_FILTER_PARAMS,
    response: listOut(reportLineOut),
    run: async ({ db, user, query, page }) => {
      const viewer = sellerViewer(user);
      const after = query.get("startingAfter");
      const key = after === null ? null : decodeLineCursor(after);
      if (after !== null && !key) throw badCursor();
      const columns = lineColumns(viewer.role);
      const first = await allReportLines(db, viewer, filterOf(query), page.limit + 1, key).next();
      const lines: ReportLine[] = first.done ? [] : first.value;
      const list = listOf(lines, page.limit, encodeLineCursor);
      return { ...list, data: list.data.map((line) => Object.fromEntries(columns.map((c) => [c.header, c.value(line) ?? null]))) };
    },
  },
  {
    method: "GET",
    path: "/reports/lines.csv",
    operationId: "exportReportLines",
    summary: "The same charge lines as CSV, every line under the filters, streamed",
    tag: "Reports",
    scope: "reports:read",
    roles: ["isv", "partner"],
    query: REPORT_FILTER_PARAMS,
    produces: "text/csv",
    response: z.string(),
    run: async ({ db, user, query }) => {
      const viewer = sellerViewer(user);
      return csvResponse(`charge-lines-${today()}.csv`, lineColumns(viewer.role).map((c) => c.header), lineCsvChunks(db, viewer, filterOf(query)));
    },
  },
  {
    method: "GET",
    path: "/reports/feed.csv",
    operationId: "exportBillingFeed",
    summary: "Your billing event feed as CSV: each line invoiced and collected, then each share paid out",
    tag: "Reports",
    scope: "reports:read",
    roles: ["isv", "partner"],
    query: REPORT_FILTER_PARAMS,
    produces: "text/csv",
    response: z.string(),
    run: async ({ db, user, query }) => csvResponse(`billing-events-${today()}.csv`, FEED_HEADER, feedCsvChunks(db, sellerViewer(user), filterOf(query))),
  },
  // ── Bills (marketplace reps) ──
  {
    method: "GET",
    path: "/bills",
    operationId: "listBills",
    summary: "List the marketplace's consolidated bills, newest period first",
    tag: "Bills",
    scope: "bills:read",
    roles: ["rep"],
    list: true,
    ownCursor: true,
    response: listOut(billOut),
    run: async ({ db, user, query, page }) => {
      const raw = query.get("startingAfter");
      const after = raw === null ? null : decodeBillCursor(raw);
      if (raw !== null && !after) throw badCursor();
      const { rows } = await listBillsFor(db, user, { limit: page.limit, after });
      return listOf(rows, page.limit, encodeBillCursor);
    },
  },
  {
    method: "GET",
    path: "/bills/{id}",
    operationId: "getBill",
    summary: "Get a consolidated bill",
    tag: "Bills",
    scope: "bills:read",
    roles: ["rep"],
    response: billOut,
    run: ({ db, user, params }) => found(billFor(db, user, params.id!)),
  },
];

/** The route for a method and the path segments after /api/v1, with its path parameters. */
export function matchRoute(method: string, segments: readonly string[]): { route: ApiRoute; params: Record<string, string> } | { allowed: string[] } | null {
  const allowed: string[] = [];
  for (const route of API_ROUTES) {
    const parts = route.path.split("/").filter(Boolean);
    if (parts.length !== segments.length) continue;
    const params: Record<string, string> = {};
    const fits = parts.every((part, i) => {
      const name = /^\{(\w+)\}$/.exec(part)?.[1];
      if (name) {
        params[name] = segments[i]!;
        return true;
      }
      return part === segments[i];
    });
    if (!fits) continue;
    if (route.method === method) return { route, params };
    allowed.push(route.method);
  }
  return allowed.length ? { allowed } : null;
}
