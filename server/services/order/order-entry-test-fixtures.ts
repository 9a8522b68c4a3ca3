/** Test data for the order entry / CSV import integration tests (not a test file itself). */
import { TRPCError } from "@trpc/server";
import { ZodError } from "zod";
import { db } from "@/server/db";
import type { SessionUser } from "@/server/auth/options";
import type { ChannelPlatform } from "@/server/channels/types";
import type { Role } from "@/server/lib/roles";

export const NAMES: Record<Role, string> = { ADMIN: "Ana Admin", OPERATOR: "Otávio Operador", WAREHOUSE: "Wagner Armazém", MANAGER: "Glória Gerente" };

export async function makeUser(role: Role): Promise<SessionUser> {
  const u = await db.user.create({ data: { email: `${role.toLowerCase()}-${Math.random().toString(36).slice(2, 8)}@test.fluxo`, name: NAMES[role], passwordHash: "x", role, locale: "en" } });
  return { id: u.id, name: u.name, email: u.email, role: u.role, locale: u.locale };
}

export async function makeChannel(platform: ChannelPlatform, name: string, active = true): Promise<string> {
  return (await db.channel.create({ data: { platform, name, secret: "s", active } })).id;
}

/** A small catalogue: two T-shirts, a mug, an inactive case. */
export async function makeCatalogue(): Promise<void> {
  const product = async (name: string) => (await db.product.create({ data: { name } })).id;
  const shirt = await product("Camiseta Básica Algodão");
  await db.sku.createMany({
    data: [
      { productId: shirt, variant: "Azul / M", code: "CAM-BAS-M-AZU", name: "Camiseta Básica Algodão Azul M", ean: "7890000000017", priceCents: 4990 },
      { productId: shirt, variant: "Preto / G", code: "CAM-BAS-G-PRE", name: "Camiseta Básica Algodão Preto G", ean: "7890000000024", priceCents: 4990 },
      { productId: await product("Caneca Cerâmica 350 ml"), code: "CAN-CER-350-BRA", name: "Caneca Cerâmica 350 ml Branco", ean: "7890000000031", priceCents: 3490 },
      { productId: await product("Capinha Silicone iPhone 13"), code: "CAP-IPH-13-TRA", name: "Capinha Silicone iPhone 13 Transparente", ean: "7890000000048", priceCents: 5990, active: false },
    ],
  });
}

/** The field issues of a BAD_REQUEST from the order entry router, as "path: code". */
export async function issuesOf(promise: Promise<unknown>): Promise<string[]> {
  const err = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(err instanceof TRPCError)) throw new Error(`Expected a TRPCError, got ${String(err)}`);
  if (err.code !== "BAD_REQUEST" || !(err.cause instanceof ZodError)) throw new Error(`Expected BAD_REQUEST with zod issues, got ${err.code}: ${err.message}`);
  return err.cause.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
}

export async function trpcCode(promise: Promise<unknown>): Promise<string | null> {
  return promise.then(
    () => null,
    (e: unknown) => (e instanceof TRPCError ? e.code : `not a TRPCError: ${String(e)}`),
  );
}
