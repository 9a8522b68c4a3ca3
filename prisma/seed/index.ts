/**
 * Demo data for Fluxo: a Brazilian fashion & home merchant with four
 * channels, two warehouses and a stock ledger that reconciles to zero drift.
 *
 *   tsx prisma/seed/index.ts [--orders N] [--seed S] [--if-empty] [--quiet]
 *
 * Importing this module (seed(), DEMO_USERS) does not run the CLI.
 */
import { pathToFileURL } from "node:url";
import { closeDb, getDb } from "@/server/db";
import { DEMO_USERS } from "./demo-users";
import { seed, type SeedSummary } from "./seed";

export { DEMO_USERS, DEMO_PASSWORD, type DemoUser } from "./demo-users";
export { seed, type SeedCounts, type SeedOptions, type SeedSummary } from "./seed";
export { createGenerator, DEFAULT_SEED, type GenerateOptions, type SeedGenerator } from "./generate";

export interface CliArgs {
  orders: number;
  seed?: number;
  ifEmpty: boolean;
  quiet: boolean;
}

export function parseArgs(argv: readonly string[]): CliArgs {
  const args: CliArgs = { orders: 2_000, ifEmpty: false, quiet: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = (): number => {
      const raw = argv[++i];
      const n = Number(raw?.replace(/[_,]/g, ""));
      if (raw === undefined || !Number.isSafeInteger(n) || n < 0) throw new Error(`${a} needs a non-negative integer (got ${raw ?? "nothing"})`);
      return n;
    };
    if (a === "--orders") args.orders = value();
    else if (a === "--seed") args.seed = value();
    else if (a === "--if-empty") args.ifEmpty = true;
    else if (a === "--quiet") args.quiet = true;
    else throw new Error(`Unknown argument ${a}. Usage: tsx prisma/seed/index.ts [--orders N] [--seed S] [--if-empty] [--quiet]`);
  }
  return args;
}

export function formatSummary(s: SeedSummary): string {
  const lines = ["", "Demo users (demo only — change or remove them before real use):"];
  lines.push(`  ${"email".padEnd(22)} ${"password".padEnd(12)} role`);
  for (const u of DEMO_USERS) lines.push(`  ${u.email.padEnd(22)} ${u.password.padEnd(12)} ${u.role}`);
  lines.push("", "Rows:");
  for (const [k, v] of Object.entries(s.counts)) lines.push(`  ${k.padEnd(16)} ${v.toLocaleString("en-US").padStart(12)}`);
  lines.push("", "Orders by status:");
  for (const [k, v] of Object.entries(s.byStatus)) lines.push(`  ${k.padEnd(18)} ${(v ?? 0).toLocaleString("en-US").padStart(10)}`);
  lines.push("", `Seed ${s.seed}, ${(s.durationMs / 1000).toFixed(1)} s.`);
  return lines.join("\n");
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const log = args.quiet ? () => {} : (s: string) => console.log(s);
  try {
    const summary = await seed(getDb(), { orders: args.orders, seed: args.seed, ifEmpty: args.ifEmpty, log });
    if (!summary.seeded) {
      console.log("Seed skipped: the database already has users (--if-empty).");
      return;
    }
    console.log(args.quiet ? `Seeded ${summary.counts.orders} orders in ${(summary.durationMs / 1000).toFixed(1)} s.` : formatSummary(summary));
  } finally {
    await closeDb();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exitCode = 1;
  });
}
