// The OpenAPI 3.1 document of /api/v1, made from the route table (public: it names no tenant's data).
import { openApiDocument } from "@/lib/api/openapi";

export function GET() {
  return Response.json(openApiDocument(), { headers: { "Cache-Control": "public, max-age=300", "Access-Control-Allow-Origin": "*" } });
}
