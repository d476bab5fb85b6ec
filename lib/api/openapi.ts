// The OpenAPI 3.1 document of /api/v1, made from the route table and the same
// zod schemas the routes validate with (zod's own JSON Schema output, which is
// the dialect OpenAPI 3.1 uses). Served at /api/v1/openapi.json.
import { z } from "zod";
import { API_ROUTES, type ApiRoute } from "@/lib/api/routes";
import { API_SCOPES, SCOPE_LABELS } from "@/lib/api/keys";

const errorSchema = z
  .object({
    error: z.object({
      type: z.enum(["invalid_request_error", "authentication_error", "permission_error", "not_found_error", "conflict_error", "idempotency_error", "rate_limit_error", "api_error"]),
      code: z.string(),
      message: z.string(),
      param: z.string().optional().describe("The field or parameter at fault"),
      errors: z.array(z.object({ param: z.string(), message: z.string() })).optional(),
    }),
  })
  .meta({ title: "Error" });

type JsonSchema = Record<string, unknown>;

// The routes and schemas never change while the process runs: each is converted once (the
// Developers page used to convert all of them on every request: 1.3 s p50 under load at size).
const requestSchemas = new WeakMap<ApiRoute, JsonSchema | null>();
const documents = new Map<string, ReturnType<typeof buildDocument>>();

/** The JSON Schema of what a route accepts (the input side of every transform). */
export function requestSchema(route: ApiRoute): JsonSchema | null {
  if (!requestSchemas.has(route)) {
    requestSchemas.set(route, route.body ? (z.toJSONSchema(route.body, { io: "input", unrepresentable: "any", target: "draft-2020-12" }) as JsonSchema) : null);
  }
  return requestSchemas.get(route)!;
}

function responseSchema(schema: z.ZodType): JsonSchema {
  return z.toJSONSchema(schema, { io: "output", unrepresentable: "any", target: "draft-2020-12" }) as JsonSchema;
}

function strip(schema: JsonSchema): JsonSchema {
  const { $schema: _drop, ...rest } = schema;
  return rest;
}

const errorResponse = (description: string) => ({ description, content: { "application/json": { schema: strip(responseSchema(errorSchema)) } } });

/** The document for `serverUrl`, built once (do not change what it returns). */
export function openApiDocument(serverUrl = "/api/v1") {
  let document = documents.get(serverUrl);
  if (!document) documents.set(serverUrl, (document = buildDocument(serverUrl)));
  return document;
}

function buildDocument(serverUrl: string) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of API_ROUTES) {
    const parameters: unknown[] = [];
    for (const name of route.path.match(/\{(\w+)\}/g) ?? []) parameters.push({ name: name.slice(1, -1), in: "path", required: true, schema: { type: "string" } });
    if (route.list) {
      parameters.push({ name: "limit", in: "query", required: false, schema: { type: "integer", minimum: 1, maximum: 100, default: 25 } });
      parameters.push({ name: "startingAfter", in: "query", required: false, description: "The nextCursor of the previous page", schema: { type: "string" } });
    }
    for (const q of route.query ?? []) parameters.push({ name: q.name, in: "query", required: false, description: q.description, schema: { type: "string" } });
    if (route.method === "POST") {
      parameters.push({ name: "Idempotency-Key", in: "header", required: false, description: "Any unique string (8–255 characters): a retry with the same key within 24 hours gets the first answer, not a second write", schema: { type: "string", minLength: 8, maxLength: 255 } });
    }
    const body = requestSchema(route);
    (paths[route.path] ??= {})[route.method.toLowerCase()] = {
      operationId: route.operationId,
      summary: route.summary,
      tags: [route.tag],
      description: `Roles: ${route.roles.map((r) => (r === "isv" ? "vendor" : r)).join(", ")}. Scope: \`${route.scope}\`.`,
      security: [{ apiKey: [route.scope] }],
      "x-scope": route.scope,
      "x-roles": route.roles,
      parameters,
      ...(body ? { requestBody: { required: true, content: { "application/json": { schema: strip(body) } } } } : {}),
      responses: {
        [String(route.status ?? 200)]: {
          description: "OK",
          content: route.produces === "text/csv" ? { "text/csv": { schema: { type: "string" } } } : { "application/json": { schema: strip(responseSchema(route.response)) } },
        },
        "400": errorResponse("Invalid input: `param` names the field"),
        "401": errorResponse("Missing, unknown or revoked API key"),
        "403": errorResponse("The key's role or scopes do not allow this endpoint"),
        "404": errorResponse("No such object among yours"),
        ...(route.method === "POST" ? { "409": errorResponse("Refused in the object's state, or the Idempotency-Key is in use"), "422": errorResponse("Idempotency-Key reused for another request") } : {}),
        "429": errorResponse("Rate limited: see Retry-After"),
      },
    };
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "cppo-portal API",
      version: "1.0.0",
      description:
        "Consulting partner private offers over HTTP: the same operations, permissions and validation as the portal's screens. Authenticate with `Authorization: Bearer <key>` (keys are created under Developers). Amounts are integer cents. Lists are newest first and paged by cursor (`limit`, `startingAfter`). POSTs accept an `Idempotency-Key`. Each key may make 100 requests per 10 seconds; over that, 429 with `Retry-After`.",
    },
    servers: [{ url: serverUrl }],
    tags: [...new Set(API_ROUTES.map((r) => r.tag))].map((name) => ({ name })),
    components: {
      securitySchemes: {
        apiKey: { type: "http", scheme: "bearer", description: `Scopes: ${API_SCOPES.map((s) => `\`${s}\` (${SCOPE_LABELS[s]})`).join(", ")}` },
      },
    },
    paths,
  };
}
