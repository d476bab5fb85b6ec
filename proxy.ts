// Two jobs, neither of them the guard (every page, action and route handler
// checks the session and permission itself; CVE-2025-29927 is why):
// 1. a Content-Security-Policy with a fresh nonce on every page response, which
//    Next.js puts on its own inline scripts (it reads the nonce from the
//    request's CSP header; the root layout is dynamic so every page gets one);
// 2. signed-out visitors of a role area are sent to the sign-in page.
// The fixed security headers (nosniff, frame-ancestors, referrer, permissions,
// HSTS behind HTTPS) are set for every response in next.config.mjs.
import { NextResponse, type NextRequest } from "next/server";
import { SESSION_COOKIE_NAMES } from "@/lib/auth/session-cookies";
import { MAIL_HTML_PATH, MAIL_HTML_POLICY } from "@/lib/outbox/mail-policy";

const AREAS = ["/vendor", "/partner", "/buyer", "/marketplace"];

export function contentSecurityPolicy(nonce: string, { dev, https }: { dev: boolean; https: boolean }): string {
  return [
    "default-src 'self'",
    // 'strict-dynamic': scripts the nonced ones load are trusted; nothing else runs. Dev mode's refresh needs eval.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    // Inline style attributes (progress bars, Radix popovers) need this; styles cannot run code.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(https ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
}

export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  if (AREAS.some((area) => pathname === area || pathname.startsWith(`${area}/`)) && !SESSION_COOKIE_NAMES.some((name) => request.cookies.has(name))) {
    const url = new URL("/sign-in", request.url);
    url.searchParams.set("callbackUrl", pathname + search);
    return NextResponse.redirect(url);
  }
  // An e-mail's HTML part runs nothing at all: its own, stricter policy instead of the pages' one.
  if (MAIL_HTML_PATH.test(pathname)) {
    const response = NextResponse.next();
    response.headers.set("content-security-policy", MAIL_HTML_POLICY);
    return response;
  }
  const nonce = btoa(crypto.randomUUID());
  const policy = contentSecurityPolicy(nonce, { dev: process.env.NODE_ENV === "development", https: request.nextUrl.protocol === "https:" });
  const headers = new Headers(request.headers);
  headers.set("x-nonce", nonce);
  headers.set("content-security-policy", policy);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("content-security-policy", policy);
  return response;
}

export const config = {
  // Pages and route handlers; not the build's static files, which carry no inline script.
  matcher: [{ source: "/((?!_next/static|_next/image|favicon.ico|icon.svg|screenshot.png).*)" }],
};
