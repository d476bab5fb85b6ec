// The public API: every /api/v1 endpoint is served from lib/api/routes.ts.
import type { NextRequest } from "next/server";
import { handleApi } from "@/lib/api/handler";

type Context = { params: Promise<{ path: string[] }> };

const serve = async (request: NextRequest, { params }: Context) => handleApi(request, (await params).path);

export const GET = serve;
export const POST = serve;
export const PUT = serve;
export const PATCH = serve;
export const DELETE = serve;
