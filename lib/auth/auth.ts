// Auth.js (next-auth v5): email + password, JWT sessions carrying user id, role
// and account id. The session is a hint: lib/auth/guard.ts reloads the user on
// every request, so a disabled user or a changed role takes effect at once.
import NextAuth, { CredentialsSignin, type DefaultSession } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import type { Role } from "@/db/enums";
import { getDb } from "@/db";
import { authenticate } from "@/lib/auth/sign-in";
import { clientAddress } from "@/lib/auth/client-address";

declare module "next-auth" {
  interface Session {
    user: { id: string; role: Role; accountId: string; sessionVersion: number } & DefaultSession["user"];
  }
  interface User {
    role: Role;
    accountId: string;
    sessionVersion: number;
  }
}

declare module "@auth/core/jwt" {
  interface JWT {
    uid?: string;
    role?: Role;
    accountId?: string;
    sv?: number;
  }
}

export class RateLimited extends CredentialsSignin {
  code = "rate_limited";
}

export const { handlers, auth, signIn, signOut } = NextAuth({
  session: { strategy: "jwt", maxAge: 8 * 60 * 60 },
  pages: { signIn: "/sign-in" },
  logger: {
    // An expired or forged session cookie is an ordinary signed-out visit, and a wrong
    // password an ordinary failed sign-in (audited): neither is a server error.
    error(error) {
      if ("type" in error && (error.type === "JWTSessionError" || error.type === "CredentialsSignin")) return;
      console.error(error);
    },
  },
  providers: [
    Credentials({
      credentials: { email: { label: "Email" }, password: { label: "Password", type: "password" } },
      async authorize(credentials, request) {
        const outcome = await authenticate(getDb(), credentials, clientAddress(request.headers));
        if (outcome.ok) return outcome.user;
        if (outcome.reason === "rate_limited") throw new RateLimited();
        return null;
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user?.id) {
        token.uid = user.id;
        token.role = user.role;
        token.accountId = user.accountId;
        token.sv = user.sessionVersion;
      }
      return token;
    },
    session({ session, token }) {
      if (token.uid && token.role && token.accountId) {
        session.user.id = token.uid;
        session.user.role = token.role;
        session.user.accountId = token.accountId;
        // Sessions issued before versions existed carry none: version 0, ended by the first sign-out.
        session.user.sessionVersion = token.sv ?? 0;
      }
      return session;
    },
  },
});
