/**
 * npm start: one command, no configuration. Prepares the database (migrate,
 * first-run seed), builds the app if there is no build yet, then serves it on
 * PORT (default 3000). Set DATABASE_URL=postgres://… to use PostgreSQL.
 */
import { spawn } from "node:child_process";
import { rmSync } from "node:fs";
import path from "node:path";
import { authSecret } from "@/server/auth/secret";
import { buildIfStale } from "./app-build";
import { prepareData } from "./prepare-data";

const port = process.env.PORT ?? "3000";
const env = {
  ...process.env,
  NEXT_TELEMETRY_DISABLED: "1",
  NEXTAUTH_SECRET: authSecret(),
  NEXTAUTH_URL: process.env.NEXTAUTH_URL ?? `http://localhost:${port}`,
};

await prepareData();

try {
  // A build is made on first start and again whenever the sources changed (after a git pull); FLUXO_REBUILD=1 forces one.
  if (process.env.FLUXO_REBUILD === "1") rmSync(".next/fluxo-sources.sha1", { force: true });
  buildIfStale(env);
} catch (e) {
  console.error((e as Error).message);
  process.exit(1);
}

console.log(`Fluxo is starting on http://localhost:${port}`);
// scripts/serve.ts: Next.js, with channel webhooks answered ahead of its router (server/http/webhook-fast-path.ts).
const server = spawn(path.resolve("node_modules/.bin/tsx"), ["scripts/serve.ts"], { stdio: "inherit", env: { ...env, PORT: port, NODE_ENV: "production" } });
for (const sig of ["SIGINT", "SIGTERM"] as const) process.on(sig, () => server.kill(sig));
server.on("exit", (code) => process.exit(code ?? 0));
