/**
 * npm start: one command, no configuration. Prepares the database (migrate,
 * first-run seed), builds the app if there is no build yet, then serves it on
 * PORT (default 3000). Set DATABASE_URL=postgres://… to use PostgreSQL.
 */
import { spawn, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { authSecret } from "@/server/auth/secret";
import { prepareData } from "./prepare-data";

const port = process.env.PORT ?? "3000";
const nextBin = path.resolve("node_modules/.bin/next");
const env = {
  ...process.env,
  NEXT_TELEMETRY_DISABLED: "1",
  NEXTAUTH_SECRET: authSecret(),
  NEXTAUTH_URL: process.env.NEXTAUTH_URL ?? `http://localhost:${port}`,
};

await prepareData();

if (!existsSync(".next/BUILD_ID") || process.env.FLUXO_REBUILD === "1") {
  console.log("Building Fluxo (first start only, about a minute)…");
  const build = spawnSync(nextBin, ["build"], { stdio: "inherit", env });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

console.log(`Fluxo is starting on http://localhost:${port}`);
// scripts/serve.ts: Next.js, with channel webhooks answered ahead of its router (server/http/webhook-fast-path.ts).
const server = spawn(path.resolve("node_modules/.bin/tsx"), ["scripts/serve.ts"], { stdio: "inherit", env: { ...env, PORT: port, NODE_ENV: "production" } });
for (const sig of ["SIGINT", "SIGTERM"] as const) process.on(sig, () => server.kill(sig));
server.on("exit", (code) => process.exit(code ?? 0));
