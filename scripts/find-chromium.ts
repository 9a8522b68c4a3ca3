/**
 * Finds a Chromium for Playwright: CHROMIUM_PATH, Debian's /usr/bin/chromium,
 * or one Playwright already installed. Where none is found it installs
 * Debian's package (as root on Debian: apt reaches the mirror offline-safe
 * machines have) or stops with one sentence saying how. It never downloads a
 * browser from the internet (docs/OFFLINE.md).
 */
import { execSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";

const CANDIDATES = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome", "/usr/bin/google-chrome-stable"];

async function playwrightChromium(): Promise<string | undefined> {
  try {
    const { chromium } = await import("@playwright/test");
    const p = chromium.executablePath();
    return p && existsSync(p) ? p : undefined;
  } catch {
    return undefined;
  }
}

export async function findChromium(): Promise<string | undefined> {
  const configured = process.env.CHROMIUM_PATH;
  if (configured && existsSync(configured)) return configured;
  return CANDIDATES.find((p) => existsSync(p)) ?? (await playwrightChromium());
}

function isDebian(): boolean {
  return existsSync("/etc/debian_version") || /debian|ubuntu/i.test(existsSync("/etc/os-release") ? readFileSync("/etc/os-release", "utf8") : "");
}

export async function ensureChromium(): Promise<string> {
  const found = await findChromium();
  if (found) return found;
  const isRoot = process.getuid?.() === 0;
  if (isDebian() && isRoot) {
    console.log("No Chromium found: installing Debian's chromium with apt…");
    execSync("apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium", { stdio: "inherit" });
  }
  const after = await findChromium();
  if (after) return after;
  throw new Error(
    "No Chromium found for the end-to-end tests: install Debian's package (`sudo apt-get install chromium`) or set CHROMIUM_PATH to a Chromium/Chrome binary.",
  );
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(await ensureChromium());
}
