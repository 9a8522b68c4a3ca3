/** The server Playwright starts: production build, fresh embedded database in .e2e-data. */
import { spawn } from "node:child_process";
import { rmSync } from "node:fs";
import path from "node:path";

const port = process.env.E2E_PORT ?? "3100";
const dataDir = path.resolve(".e2e-data");
rmSync(dataDir, { recursive: true, force: true });
const env = {
  ...process.env,
  PORT: port,
  FLUXO_DATA_DIR: dataDir,
  FLUXO_SEED_ORDERS: process.env.FLUXO_SEED_ORDERS ?? "400",
  NEXTAUTH_URL: `http://localhost:${port}`,
  DATABASE_URL: "",
};
const child = spawn("npx", ["tsx", "scripts/start.ts"], { stdio: "inherit", env });
for (const sig of ["SIGINT", "SIGTERM"] as const) process.on(sig, () => child.kill(sig));
child.on("exit", (code) => process.exit(code ?? 0));
