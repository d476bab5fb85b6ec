// Redirects only: signed-out visitors of a role area go to the sign-in page.
// It is not the guard — every page, action and route handler checks the
// session and permission itself (CVE-2025-29927 is why).
import { NextResponse, type NextRequest } from "next/server";

const SESSION_COOKIES = ["authjs.session-token", "__Secure-authjs.session-token"];

export function proxy(request: NextRequest) {
  const signedIn = SESSION_COOKIES.some((name) => request.cookies.has(name));
  if (signedIn) return NextResponse.next();
  const url = new URL("/sign-in", request.url);
  url.searchParams.set("callbackUrl", request.nextUrl.pathname + request.nextUrl.search);
  return NextResponse.redirect(url);
}

export const config = {
  matcher: ["/vendor/:path*", "/partner/:path*", "/buyer/:path*", "/marketplace/:path*"],
};
