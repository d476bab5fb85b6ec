// API keys: one per integration, created in the console (shown once), stored as
// a SHA-256 hash, scoped per area (read / write), revocable, with the time it
// was last used. A key acts as the user who created it — every operation
// checks that user's role and tenant as the screens do — and stops working
// when that user is disabled.
import { createHash, randomBytes } from "node:crypto";
import { and, desc, eq, isNull, lt, or } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db";
import { apiKeys } from "@/db/schema";
import { defineOperation, NotFound } from "@/lib/actions/operation";
import { loadUser, type CurrentUser } from "@/lib/auth/authorize";
import { now } from "@/lib/clock";
import { newId } from "@/lib/ids";
import { objectId, plainText } from "@/lib/validation";

/** What a key may do, per area. */
export const API_SCOPES = [
  "products:read",
  "products:write",
  "invitations:read",
  "invitations:write",
  "offers:read",
  "offers:write",
  "agreements:read",
  "disbursements:read",
  "bills:read",
  "reports:read",
] as const;
export type ApiScope = (typeof API_SCOPES)[number];

export const SCOPE_LABELS: Record<ApiScope, string> = {
  "products:read": "Read products",
  "products:write": "Create products",
  "invitations:read": "Read invitations",
  "invitations:write": "Send, answer and revoke invitations",
  "offers:read": "Read private offers",
  "offers:write": "Draft, extend and withdraw private offers",
  "agreements:read": "Read agreements",
  "disbursements:read": "Read payouts",
  "bills:read": "Read the marketplace's bills",
  "reports:read": "Read reports (JSON and CSV)",
};

const KEY_PREFIX = "cppo_sk_";
const ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz";

/** A new secret: the prefix and 32 base32 characters (160 bits). */
export function generateSecret(): string {
  const bytes = randomBytes(32);
  let out = "";
  for (const byte of bytes) out += ALPHABET[byte & 31];
  return KEY_PREFIX + out;
}

/** What the console shows of a key to tell it apart: its first characters. */
export function keyPrefixOf(secret: string): string {
  return secret.slice(0, KEY_PREFIX.length + 6);
}

export function hashSecret(secret: string): string {
  return createHash("sha256").update(secret).digest("hex");
}

export const createApiKeySchema = z.strictObject({
  name: plainText("Name", { min: 2, max: 80 }),
  scopes: z
    .array(z.enum(API_SCOPES, { message: "Choose scopes from the list" }), { message: "Choose at least one scope" })
    .min(1, "Choose at least one scope")
    .max(API_SCOPES.length, "Too many scopes")
    .transform((scopes) => [...new Set(scopes)]),
});

export const revokeApiKeySchema = z.strictObject({ keyId: objectId("Key") });

/** Creates a key for the caller's account; the secret is in the answer and nowhere else. */
export const createApiKey = defineOperation("api.keys", createApiKeySchema, async (ctx, input) => {
  const secret = generateSecret();
  const id = newId("key");
  await ctx.db.transaction(async (tx) => {
    await tx.insert(apiKeys).values({
      id,
      accountId: ctx.user.accountId,
      userId: ctx.user.id,
      name: input.name,
      prefix: keyPrefixOf(secret),
      secretHash: hashSecret(secret),
      scopes: input.scopes,
      createdAt: now(),
      lastUsedAt: null,
      revokedAt: null,
    });
    await ctx.audit(tx, { action: "api_key.create", objectType: "api_key", objectId: id, after: { name: input.name, scopes: input.scopes } });
  });
  return { keyId: id, secret };
});

/** Revokes one of the account's keys at once; revoking twice is a no-op. */
export const revokeApiKey = defineOperation("api.keys", revokeApiKeySchema, async (ctx, { keyId }) => {
  return ctx.db.transaction(async (tx) => {
    const [key] = await tx
      .select()
      .from(apiKeys)
      .where(and(eq(apiKeys.id, keyId), eq(apiKeys.accountId, ctx.user.accountId)));
    if (!key) throw new NotFound("api_key", keyId);
    if (key.revokedAt) return { keyId, revoked: false };
    await tx.update(apiKeys).set({ revokedAt: now() }).where(eq(apiKeys.id, keyId));
    await ctx.audit(tx, { action: "api_key.revoke", objectType: "api_key", objectId: keyId, before: { name: key.name } });
    return { keyId, revoked: true };
  });
});

export async function listApiKeys(db: Db, accountId: string) {
  return db
    .select({ id: apiKeys.id, name: apiKeys.name, prefix: apiKeys.prefix, scopes: apiKeys.scopes, createdAt: apiKeys.createdAt, lastUsedAt: apiKeys.lastUsedAt, revokedAt: apiKeys.revokedAt, userId: apiKeys.userId })
    .from(apiKeys)
    .where(eq(apiKeys.accountId, accountId))
    .orderBy(desc(apiKeys.createdAt), desc(apiKeys.id));
}

export interface ApiCaller {
  keyId: string;
  scopes: ReadonlySet<string>;
  user: CurrentUser;
}

/** "last used" is written at most once a minute per key: not a write on every request. */
const LAST_USED_EVERY_MS = 60_000;

/** The caller behind `Authorization: Bearer <key>`, or null (missing, unknown, revoked, or its user disabled). */
export async function authenticate(db: Db, authorization: string | null, ip: string | null): Promise<ApiCaller | null> {
  const match = authorization ? /^Bearer\s+(cppo_sk_[0-9a-z]{32})\s*$/.exec(authorization) : null;
  if (!match) return null;
  const [key] = await db.select().from(apiKeys).where(eq(apiKeys.secretHash, hashSecret(match[1]!)));
  if (!key || key.revokedAt) return null;
  const user = await loadUser(db, key.userId, ip);
  if (!user || user.accountId !== key.accountId) return null;
  const at = now();
  if (!key.lastUsedAt || at.getTime() - key.lastUsedAt.getTime() > LAST_USED_EVERY_MS) {
    const stale = new Date(at.getTime() - LAST_USED_EVERY_MS);
    await db.transaction((tx) =>
      tx
        .update(apiKeys)
        .set({ lastUsedAt: at })
        .where(and(eq(apiKeys.id, key.id), or(isNull(apiKeys.lastUsedAt), lt(apiKeys.lastUsedAt, stale)))),
    );
  }
  return { keyId: key.id, scopes: new Set(key.scopes), user };
}
