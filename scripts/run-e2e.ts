/** npm run test:e2e — builds the production app (when the sources changed) and runs Playwright in Chromium. */
import { spawnSync } from "node:child_process";
import { buildIfStale } from "./app-build";
import { ensureChromium } from "./find-chromium";

const chromium = await ensureChromium();
const env = { ...process.env, CHROMIUM_PATH: chromium, NEXT_TELEMETRY_DISABLED: "1" };
// A build of the current sources (scripts/app-build.ts); the server Playwright starts (npm start) then finds it current.
if (process.env.E2E_SKIP_BUILD !== "1") {
  try {
    buildIfStale(env);
  } catch (e) {
    console.error((e as Error).message);
    process.exit(1);
  }
}
const run = spawnSync("npx", ["playwright", "test", ...process.argv.slice(2)], { stdio: "inherit", env });
process.exit(run.status ?? 1);
