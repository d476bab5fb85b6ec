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
import { ApiError, invalid, listOf, notFound } from "@/lib/api/http";
import type { ApiScope } from "@/lib/api/keys";
import {
  agreementFor,
  agreementOut,
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

export interface RouteContext {
  db: Db;
  user: CurrentUser;
  params: Record<string, string>;
  page: Page;
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
  /** The JSON body it accepts (POST). */
  body?: z.ZodType;
  response: z.ZodType;
  /** 201 for a create, else 200. */
  status?: number;
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

const noBody = z.object({}).strict();

export const API_ROUTES: readonly ApiRoute[] = [
  // ── Products ──
  {
    method: "GET",
    path: "/products",
    operationId: "listProducts",
    summary: "List your products",
    tag: "Products",
    scope: "products:read",
    roles: ["isv"],
    list: true,
    response: listOut(productOut),
    run: async ({ db, user, page }) => {
      const { rows, position } = await listProductsFor(db, user, page);
      return listOf(rows, page.limit, position);
    },
  },
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
  {
    method: "GET",
    path: "/products/{id}",
    operationId: "getProduct",
    summary: "Get one of your products",
    tag: "Products",
    scope: "products:read",
    roles: ["isv"],
    response: productOut,
    run: ({ db, user, params }) => found(productFor(db, user, params.id!)),
  },
  // ── Invitations (resale authorizations) ──
  {
    method: "GET",
    path: "/invitations",
    operationId: "listInvitations",
    summary: "List invitations you sent (vendor) or received (partner)",
    tag: "Invitations",
    scope: "invitations:read",
    roles: ["isv", "partner"],
    list: true,
    response: listOut(invitationOut),
    run: async ({ db, user, page }) => {
      const { rows, position } = await listInvitationsFor(db, user, page);
      return listOf(rows, page.limit, position);
    },
  },
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
    method: "GET",
    path: "/invitations/{id}",
    operationId: "getInvitation",
    summary: "Get an invitation, with its products, units and wholesale prices",
    tag: "Invitations",
    scope: "invitations:read",
    roles: ["isv", "partner"],
    response: invitationOut,
    run: ({ db, user, params }) => found(invitationFor(db, user, params.id!)),
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
  {
    method: "GET",
    path: "/offers",
    operationId: "listOffers",
    summary: "List your private offers",
    tag: "Offers",
    scope: "offers:read",
    roles: ["partner"],
    list: true,
    response: listOut(offerOut),
    run: async ({ db, user, page }) => {
      const { rows, position } = await listOffersFor(db, user, page);
      return listOf(rows, page.limit, position);
    },
  },
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
    method: "GET",
    path: "/offers/{id}",
    operationId: "getOffer",
    summary: "Get one of your private offers",
    tag: "Offers",
    scope: "offers:read",
    roles: ["partner"],
    response: offerOut,
    run: ({ db, user, params }) => found(offerFor(db, user, params.id!)),
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
  {
    method: "GET",
    path: "/agreements",
    operationId: "listAgreements",
    summary: "List agreements: a partner's sales, or a vendor's channel sales (the partner as buyer)",
    tag: "Agreements",
    scope: "agreements:read",
    roles: ["isv", "partner"],
    list: true,
    response: listOut(agreementOut),
    run: async ({ db, user, page }) => {
      const { rows, position } = await listAgreementsFor(db, user, page);
      return listOf(rows, page.limit, position);
    },
  },
  {
    method: "GET",
    path: "/agreements/{id}",
    operationId: "getAgreement",
    summary: "Get an agreement",
    tag: "Agreements",
    scope: "agreements:read",
    roles: ["isv", "partner"],
    response: agreementOut,
    run: ({ db, user, params }) => found(agreementFor(db, user, params.id!)),
  },
  // ── Disbursements ──
  {
    method: "GET",
    path: "/disbursements",
    operationId: "listDisbursements",
    summary: "List your payouts",
    tag: "Disbursements",
    scope: "disbursements:read",
    roles: ["isv", "partner"],
    list: true,
    response: listOut(disbursementOut),
    run: async ({ db, user, page }) => {
      const { rows, position } = await listDisbursementsFor(db, user, page);
      return listOf(rows, page.limit, position);
    },
  },
  {
    method: "GET",
    path: "/disbursements/{id}",
    operationId: "getDisbursement",
    summary: "Get one of your payouts",
    tag: "Disbursements",
    scope: "disbursements:read",
    roles: ["isv", "partner"],
    response: disbursementOut,
    run: ({ db, user, params }) => found(disbursementFor(db, user, params.id!)),
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
