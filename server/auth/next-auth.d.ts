import type { Role } from "@/server/lib/roles";

declare module "next-auth" {
  interface User {
    id: string;
    role: Role;
    locale: string;
  }
  interface Session {
    user: { id: string; name: string; email: string; role: Role; locale: string };
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    uid: string;
    role: Role;
    locale: string;
  }
}
