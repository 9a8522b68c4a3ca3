/**
 * next-auth: credentials with bcrypt-hashed passwords, JWT sessions carrying
 * the user's id, role and locale. Failed attempts are throttled per account+IP.
 * Errors are codes (INVALID_CREDENTIALS, THROTTLED) that the login page translates.
 */
import bcrypt from "bcryptjs";
import type { NextAuthOptions } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { db } from "@/server/db";
import { authSecret } from "@/server/auth/secret";
import { lockedUntil, recordFailure, recordSuccess, throttleKey } from "@/server/services/auth/login-throttle";
import type { Role } from "@/server/lib/roles";

function clientIp(headers: Record<string, unknown> | undefined): string {
  const fwd = headers?.["x-forwarded-for"];
  const first = typeof fwd === "string" ? fwd.split(",")[0]?.trim() : undefined;
  const real = headers?.["x-real-ip"];
  return first || (typeof real === "string" ? real : "") || "local";
}

export const authOptions: NextAuthOptions = {
  secret: authSecret(),
  session: { strategy: "jwt", maxAge: 12 * 60 * 60 },
  pages: { signIn: "/login" },
  providers: [
    Credentials({
      name: "Email",
      credentials: { email: { type: "email" }, password: { type: "password" } },
      async authorize(credentials, req) {
        const email = credentials?.email?.trim().toLowerCase() ?? "";
        const password = credentials?.password ?? "";
        if (!email || !password) throw new Error("INVALID_CREDENTIALS");
        const key = throttleKey(email, clientIp(req?.headers));
        if (await lockedUntil(key)) throw new Error("THROTTLED");
        const user = await db.user.findUnique({ where: { email } });
        const ok = user?.active ? await bcrypt.compare(password, user.passwordHash) : false;
        if (!user || !ok) {
          await recordFailure(key);
          throw new Error("INVALID_CREDENTIALS");
        }
        await recordSuccess(key);
        return { id: user.id, email: user.email, name: user.name, role: user.role, locale: user.locale };
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        token.uid = user.id;
        token.role = user.role;
        token.locale = user.locale;
      }
      return token;
    },
    session({ session, token }) {
      session.user = {
        id: token.uid,
        name: token.name ?? "",
        email: token.email ?? "",
        role: token.role,
        locale: token.locale,
      };
      return session;
    },
  },
};

export interface SessionUser {
  id: string;
  name: string;
  email: string;
  role: Role;
  locale: string;
}
