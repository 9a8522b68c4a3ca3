/**
 * One demo account per role. The password is public on purpose (demo data
 * only); e2e tests sign in with these.
 */
import type { Role } from "./types";

export interface DemoUser {
  email: string;
  password: string;
  name: string;
  role: Role;
}

export const DEMO_PASSWORD = "fluxo-demo";

export const DEMO_USERS: readonly DemoUser[] = [
  { email: "admin@fluxo.demo", password: DEMO_PASSWORD, name: "Ana Admin", role: "ADMIN" },
  { email: "operador@fluxo.demo", password: DEMO_PASSWORD, name: "Otávio Operador", role: "OPERATOR" },
  { email: "armazem@fluxo.demo", password: DEMO_PASSWORD, name: "Wagner Armazém", role: "WAREHOUSE" },
  { email: "gerente@fluxo.demo", password: DEMO_PASSWORD, name: "Glória Gerente", role: "MANAGER" },
];
