// One request to /api/v1: route, key, rate limit, role and scope, body
// validation, Idempotency-Key, then the route's work. Every failure is a typed
// JSON error; nothing here answers 500 for bad input.
import { getDb, type Db } from "@/db";
import { recordDenied } from "@/lib/audit";
import { actorOf } from "@/lib/auth/authorize";
import { clientAddress } from "@/lib/auth/client-address";
import { fieldErrorsOf } from "@/lib/result";
import { ApiError, checkRateLimit, claimIdempotencyKey, fingerprint, invalid, json, pageParams, storeIdempotent } from "@/lib/api/http";
import { authenticate } from "@/lib/api/keys";
import { matchRoute } from "@/lib/api/routes";

const MAX_BODY_BYTES = 1_000_000;

async function readBody(request: Request): Promise<Record<string, unknown>> {
  const text = await request.text();
  if (text.length > MAX_BODY_BYTES) throw new ApiError(413, "invalid_request_error", "body_too_large", `The body is over ${MAX_BODY_BYTES} bytes.`);
  if (text.trim() === "") return {};
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new ApiError(400, "invalid_request_error", "invalid_json", "The body is not valid JSON.");
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) throw new ApiError(400, "invalid_request_error", "invalid_json", "The body must be a JSON object.");
  return value as Record<string, unknown>;
}

export async function handleApi(request: Request, segments: readonly string[], db: Db = getDb()): Promise<Response> {
  const headers: Record<string, string> = {};
  try {
    const matched = matchRoute(request.method, segments);
    if (!matched) throw new ApiError(404, "invalid_request_error", "unknown_endpoint", `No endpoint ${request.method} /api/v1/${segments.join("/")}. The reference is at /api/v1/openapi.json.`);
    if ("allowed" in matched) {
      throw new ApiError(405, "invalid_request_error", "method_not_allowed", `Use ${matched.allowed.join(" or ")} on this path.`, { headers: { Allow: matched.allowed.join(", ") } });
    }
    const { route, params } = matched;
    const ip = clientAddress(request.headers);
    const caller = await authenticate(db, request.headers.get("authorization"), ip);
    if (!caller) {
      throw new ApiError(401, "authentication_error", "invalid_api_key", "Send a valid API key: Authorization: Bearer cppo_sk_… (create one under Developers in the portal).", {
        headers: { "WWW-Authenticate": 'Bearer realm="cppo-portal"' },
      });
    }
    const limit = await checkRateLimit(db, caller.keyId);
    headers["X-RateLimit-Limit"] = String(limit.limit);
    headers["X-RateLimit-Remaining"] = String(limit.remaining);
    const { user } = caller;
    if (!route.roles.includes(user.role)) {
      await recordDenied(db, actorOf(user), { action: `api.${route.operationId}`, objectType: "api_route", objectId: route.path });
      throw new ApiError(403, "permission_error", "role_not_allowed", `${route.method} ${route.path} is for ${route.roles.map((r) => (r === "isv" ? "vendor" : r)).join(" and ")} accounts.`);
    }
    if (!caller.scopes.has(route.scope)) throw new ApiError(403, "permission_error", "missing_scope", `This key lacks the ${route.scope} scope.`, { param: route.scope });
    const query = new URL(request.url).searchParams;
    const page = route.list ? pageParams(query, { ownCursor: route.ownCursor }) : { limit: 0, after: null };
    const body = route.method === "POST" ? await readBody(request) : {};
    if (route.body) {
      const parsed = route.body.safeParse(body);
      if (!parsed.success) throw invalid("Some fields need your attention.", fieldErrorsOf(parsed.error));
    }
    const idempotencyKey = route.method === "POST" ? request.headers.get("idempotency-key") : null;
    if (idempotencyKey !== null) {
      const print = fingerprint(route.method, new URL(request.url).pathname, body);
      const stored = await claimIdempotencyKey(db, user.accountId, idempotencyKey, print);
      if (stored) return json(stored.status, stored.body, { ...headers, "Idempotent-Replayed": "true" });
      let answer: { status: number; body: unknown };
      try {
        answer = { status: route.status ?? 200, body: await route.run({ db, user, params, page, query, body }) };
      } catch (error) {
        answer = error instanceof ApiError ? { status: error.status, body: error.body() } : { status: 500, body: null };
        await storeIdempotent(db, user.accountId, idempotencyKey, answer);
        throw error;
      }
      await storeIdempotent(db, user.accountId, idempotencyKey, answer);
      return json(answer.status, answer.body, headers);
    }
    const result = await route.run({ db, user, params, page, query, body });
    if (result instanceof Response) {
      for (const [name, value] of Object.entries(headers)) result.headers.set(name, value);
      return result;
    }
    return json(route.status ?? 200, result, headers);
  } catch (error) {
    if (error instanceof ApiError) return json(error.status, error.body(), { ...headers, ...error.extra.headers });
    console.error("api: unexpected error", error);
    return json(500, new ApiError(500, "api_error", "internal_error", "Something went wrong on our side; the request may be retried.").body(), headers);
  }
}
