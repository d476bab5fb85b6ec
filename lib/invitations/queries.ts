// Reads of invitations and authorizations, each scoped to the asking account.
import "server-only";
import { and, asc, desc, eq, gt, inArray, isNull, lt, lte, or, sql, type SQL } from "drizzle-orm";
import { alias } from "@/db/dialect/core";
import type { Db } from "@/db";
import { containsInsensitive } from "@/db";
import { countAll } from "@/db/sql";
import { accounts, authorizationItems, pricingDimensions, products, resaleAuthorizations } from "@/db/schema";
import { AUTHORIZATION_STATUSES, type AuthorizationStatus } from "@/db/enums";
import { parseAccountId } from "@/lib/account-id";
import { now } from "@/lib/clock";
import { effectiveStatus, offersLeft } from "@/lib/invitations/state";
import { wholesaleByDimension } from "@/lib/invitations/pricing";
import { offsetOf, type TableParams } from "@/lib/tables/params";
import type { AUTHORIZED_TABLE, AuthorizedRow, InvitationRow } from "@/lib/invitations/table";

const counterparty = alias(accounts, "counterparty");

const statusOrder = sql`case ${resaleAuthorizations.status} when 'pending' then 0 when 'accepted' then 1 when 'declined' then 2 when 'expired' then 3 else 4 end`;

function searchFilter(q: string): SQL | undefined {
  if (!q) return undefined;
  const id = parseAccountId(q);
  return or(containsInsensitive(counterparty.name, q), id ? eq(counterparty.id, id) : undefined);
}

/**
 * Filters on the status as of now (lib/invitations/state.ts): a pending
 * invitation past its accept-by is expired even before the sweep records it,
 * so lists never wait for a write.
 */
function statusFilter(statuses: string[] | undefined, at: Date): SQL | undefined {
  const valid = (statuses ?? []).filter((s): s is AuthorizationStatus => (AUTHORIZATION_STATUSES as readonly string[]).includes(s));
  if (!valid.length) return undefined;
  const stored = valid.filter((s) => s !== "pending" && s !== "expired");
  return or(
    stored.length ? inArray(resaleAuthorizations.status, stored) : undefined,
    valid.includes("pending") ? and(eq(resaleAuthorizations.status, "pending"), gt(resaleAuthorizations.expiresAt, at)) : undefined,
    valid.includes("expired")
      ? or(eq(resaleAuthorizations.status, "expired"), and(eq(resaleAuthorizations.status, "pending"), lte(resaleAuthorizations.expiresAt, at)))
      : undefined,
  );
}

async function productNamesFor(db: Db, ids: string[]) {
  if (ids.length === 0) return new Map<string, string[]>();
  const rows = await db
    .select({ authorizationId: authorizationItems.authorizationId, name: products.name })
    .from(authorizationItems)
    .innerJoin(products, eq(products.id, authorizationItems.productId))
    .where(inArray(authorizationItems.authorizationId, ids))
    .orderBy(products.name);
  const map = new Map<string, string[]>();
  for (const row of rows) map.set(row.authorizationId, [...(map.get(row.authorizationId) ?? []), row.name]);
  return map;
}

async function listInvitations(
  db: Db,
  side: "isv" | "partner",
  accountId: string,
  params: TableParams<string, "status">,
): Promise<{ rows: InvitationRow[]; total: number }> {
  const own = side === "isv" ? eq(resaleAuthorizations.isvAccountId, accountId) : eq(resaleAuthorizations.partnerAccountId, accountId);
  const otherId = side === "isv" ? resaleAuthorizations.partnerAccountId : resaleAuthorizations.isvAccountId;
  const where = and(own, statusFilter(params.filters.status, now()), searchFilter(params.q));
  const direction = params.sort.desc ? desc : asc;
  const order: SQL[] = (() => {
    switch (params.sort.id) {
      case "expires":
        return [direction(resaleAuthorizations.expiresAt)];
      case "partner":
      case "vendor":
        return [direction(counterparty.name)];
      case "status":
        return [direction(statusOrder), asc(resaleAuthorizations.expiresAt)];
      default:
        return [direction(resaleAuthorizations.createdAt)];
    }
  })();
  const [page, [total]] = await Promise.all([
    db
      .select({
        id: resaleAuthorizations.id,
        counterpartyName: counterparty.name,
        counterpartyAccountId: counterparty.id,
        status: resaleAuthorizations.status,
        use: resaleAuthorizations.use,
        expiresAt: resaleAuthorizations.expiresAt,
        endsAt: resaleAuthorizations.endsAt,
        createdAt: resaleAuthorizations.createdAt,
      })
      .from(resaleAuthorizations)
      .innerJoin(counterparty, eq(counterparty.id, otherId))
      .where(where)
      .orderBy(...order, desc(resaleAuthorizations.id))
      .limit(params.pageSize)
      .offset(offsetOf(params)),
    db.select({ n: countAll() }).from(resaleAuthorizations).innerJoin(counterparty, eq(counterparty.id, otherId)).where(where),
  ]);
  const names = await productNamesFor(db, page.map((r) => r.id));
  const at = now();
  return {
    rows: page.map((r) => ({
      ...r,
      status: effectiveStatus(r, at),
      products: names.get(r.id) ?? [],
      expiresAt: r.expiresAt.toISOString(),
      endsAt: r.endsAt?.toISOString() ?? null,
      createdAt: r.createdAt.toISOString(),
    })),
    total: total?.n ?? 0,
  };
}

export const listSentInvitations = (db: Db, isvAccountId: string, params: TableParams<string, "status">) =>
  listInvitations(db, "isv", isvAccountId, params);

export const listReceivedInvitations = (db: Db, partnerAccountId: string, params: TableParams<string, "status">) =>
  listInvitations(db, "partner", partnerAccountId, params);

/** One invitation with its products and prices, only for its ISV or its partner; null otherwise. */
export async function invitationDetail(db: Db, id: string, viewer: { isvAccountId: string } | { partnerAccountId: string }) {
  const owner =
    "isvAccountId" in viewer
      ? eq(resaleAuthorizations.isvAccountId, viewer.isvAccountId)
      : eq(resaleAuthorizations.partnerAccountId, viewer.partnerAccountId);
  const isv = alias(accounts, "isv");
  const partner = alias(accounts, "partner");
  const buyer = alias(accounts, "buyer");
  const [row] = await db
    .select({
      authorization: resaleAuthorizations,
      isvName: isv.name,
      partnerName: partner.name,
      buyerName: buyer.name,
    })
    .from(resaleAuthorizations)
    .innerJoin(isv, eq(isv.id, resaleAuthorizations.isvAccountId))
    .innerJoin(partner, eq(partner.id, resaleAuthorizations.partnerAccountId))
    .leftJoin(buyer, eq(buyer.id, resaleAuthorizations.buyerAccountId))
    .where(and(eq(resaleAuthorizations.id, id), owner));
  if (!row) return null;
  const items = await itemsWithPrices(db, [id]);
  const at = now();
  return {
    ...row.authorization,
    status: effectiveStatus(row.authorization, at),
    isvName: row.isvName,
    partnerName: row.partnerName,
    buyerName: row.buyerName,
    items,
  };
}

async function itemsWithPrices(db: Db, authorizationIds: string[]) {
  if (authorizationIds.length === 0) return [];
  const items = await db
    .select({
      authorizationId: authorizationItems.authorizationId,
      productId: products.id,
      productName: products.name,
      description: products.description,
      eulaText: products.eulaText,
      currency: products.currency,
      discountBps: authorizationItems.discountBps,
      additionalTerms: authorizationItems.additionalTerms,
    })
    .from(authorizationItems)
    .innerJoin(products, eq(products.id, authorizationItems.productId))
    .where(inArray(authorizationItems.authorizationId, authorizationIds))
    .orderBy(products.name);
  return withPrices(db, items);
}

/** Each item with its product's public and wholesale price per unit, at the item's discount. */
async function withPrices<T extends { productId: string; discountBps: number }>(db: Db, items: T[]) {
  const dims = items.length
    ? await db
        .select()
        .from(pricingDimensions)
        .where(inArray(pricingDimensions.productId, [...new Set(items.map((i) => i.productId))]))
        .orderBy(pricingDimensions.position)
    : [];
  return items.map((item) => ({
    ...item,
    prices: wholesaleByDimension(
      dims.filter((d) => d.productId === item.productId),
      item.discountBps,
    ),
  }));
}

/**
 * What a partner may resell now, as `canExtendOffers` says it (lib/invitations/state.ts) written as a
 * filter: accepted, not past its end, and a one-time authorization not yet used.
 */
export function usableBy(partnerAccountId: string, at: Date): SQL | undefined {
  return and(
    eq(resaleAuthorizations.partnerAccountId, partnerAccountId),
    eq(resaleAuthorizations.status, "accepted"),
    or(isNull(resaleAuthorizations.endsAt), gt(resaleAuthorizations.endsAt, at)),
    or(eq(resaleAuthorizations.use, "multi_use"), lt(resaleAuthorizations.offersExtended, 1)),
  );
}

type AuthorizedParams = TableParams<(typeof AUTHORIZED_TABLE.sortable)[number], never>;

/**
 * One page of the products the partner may resell now (each authorization's products), searched by
 * product or vendor name or the vendor's account id, with public and wholesale prices, and how many
 * there are in all.
 */
export async function listAuthorizedProducts(db: Db, partnerAccountId: string, params: AuthorizedParams): Promise<{ rows: AuthorizedRow[]; total: number }> {
  const isv = alias(accounts, "isv");
  const id = params.q ? parseAccountId(params.q) : null;
  const where = and(
    usableBy(partnerAccountId, now()),
    params.q ? or(containsInsensitive(products.name, params.q), containsInsensitive(isv.name, params.q), id ? eq(isv.id, id) : undefined) : undefined,
  );
  const direction = params.sort.desc ? desc : asc;
  const order = {
    product: [direction(products.name)],
    vendor: [direction(isv.name), asc(products.name)],
    discount: [direction(authorizationItems.discountBps), asc(products.name)],
    // No end date sorts as the latest.
    ends: [direction(sql`${resaleAuthorizations.endsAt} is null`), direction(resaleAuthorizations.endsAt), asc(products.name)],
  }[params.sort.id];
  const fields = {
    authorizationId: authorizationItems.authorizationId,
    productId: products.id,
    productName: products.name,
    currency: products.currency,
    discountBps: authorizationItems.discountBps,
    additionalTerms: authorizationItems.additionalTerms,
    isvName: isv.name,
    isvAccountId: resaleAuthorizations.isvAccountId,
    endsAt: resaleAuthorizations.endsAt,
    use: resaleAuthorizations.use,
    offersExtended: resaleAuthorizations.offersExtended,
    buyerAccountId: resaleAuthorizations.buyerAccountId,
  };
  const [page, [counted]] = await Promise.all([
    db
      .select(fields)
      .from(authorizationItems)
      .innerJoin(resaleAuthorizations, eq(resaleAuthorizations.id, authorizationItems.authorizationId))
      .innerJoin(products, eq(products.id, authorizationItems.productId))
      .innerJoin(isv, eq(isv.id, resaleAuthorizations.isvAccountId))
      .where(where)
      .orderBy(...order, asc(authorizationItems.id))
      .limit(params.pageSize)
      .offset(offsetOf(params)),
    db
      .select({ n: countAll() })
      .from(authorizationItems)
      .innerJoin(resaleAuthorizations, eq(resaleAuthorizations.id, authorizationItems.authorizationId))
      .innerJoin(products, eq(products.id, authorizationItems.productId))
      .innerJoin(isv, eq(isv.id, resaleAuthorizations.isvAccountId))
      .where(where),
  ]);
  const rows = (await withPrices(db, page)).map(({ use, offersExtended, endsAt, ...r }) => ({
    ...r,
    id: `${r.authorizationId}:${r.productId}`,
    endsAt: endsAt ? endsAt.toISOString() : null,
    remainingUses: offersLeft({ use, offersExtended }),
  }));
  return { rows, total: counted?.n ?? 0 };
}

/** Every product the partner may resell now, with its public price and wholesale cost. */
export async function authorizedProducts(db: Db, partnerAccountId: string) {
  const isv = alias(accounts, "isv");
  const rows = await db
    .select({ authorization: resaleAuthorizations, isvName: isv.name })
    .from(resaleAuthorizations)
    .innerJoin(isv, eq(isv.id, resaleAuthorizations.isvAccountId))
    .where(usableBy(partnerAccountId, now()));
  const items = await itemsWithPrices(db, rows.map((r) => r.authorization.id));
  const byId = new Map(rows.map((r) => [r.authorization.id, r]));
  return items.map((item) => {
    const { authorization, isvName } = byId.get(item.authorizationId)!;
    return {
      ...item,
      isvName,
      isvAccountId: authorization.isvAccountId,
      endsAt: authorization.endsAt,
      use: authorization.use,
      buyerAccountId: authorization.buyerAccountId,
      remainingUses: offersLeft(authorization),
    };
  });
}
