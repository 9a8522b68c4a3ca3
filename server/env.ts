/**
 * Environment, validated once. Everything has a working default so that
 * `npm start` needs no configuration; production sets DATABASE_URL.
 */
import path from "node:path";
import { z } from "zod";

const schema = z.object({
  DATABASE_URL: z
    .string()
    .optional()
    .refine((v) => !v || /^postgres(ql)?:\/\//.test(v), "DATABASE_URL must be a postgres:// or postgresql:// URL (leave it unset to use the embedded database)"),
  FLUXO_DATA_DIR: z.string().default("data"),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
});

export type Env = z.infer<typeof schema>;

let cached: Env | undefined;
export function env(): Env {
  if (cached) return cached;
  const parsed = schema.safeParse(process.env);
  if (!parsed.success) {
    const msg = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    throw new Error(`Invalid environment: ${msg}`);
  }
  cached = parsed.data;
  return cached;
}

export function dataDir(): string {
  return path.resolve(env().FLUXO_DATA_DIR);
}

export function usesPostgres(): boolean {
  return Boolean(env().DATABASE_URL);
}
