/**
 * The production build (.next) and whether it still matches the sources. `npm start` and the benchmarks build
 * only when the sources changed since the last build: a stale build would serve (or measure) old code after a
 * `git pull`. The fingerprint is a hash of the contents of everything the build reads, kept in .next.
 */
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";

const SOURCES = ["app", "components", "server", "public", "prisma/schema.prisma", "next.config.ts", "postcss.config.mjs", "tsconfig.json", "package.json", "package-lock.json"];
const SKIP = new Set(["node_modules", ".next", "generated"]);
const STAMP = path.join(".next", "fluxo-sources.sha1");

function files(entry: string, out: string[]): void {
  if (!existsSync(entry)) return;
  if (statSync(entry).isFile()) return void out.push(entry);
  for (const name of readdirSync(entry).sort()) {
    if (SKIP.has(name) || name.endsWith(".test.ts") || name.endsWith(".test.tsx")) continue;
    files(path.join(entry, name), out);
  }
}

/** A hash of the sources the build reads (tests excluded: they do not change the build). */
export function sourcesFingerprint(root = process.cwd()): string {
  const hash = createHash("sha1");
  const list: string[] = [];
  for (const s of SOURCES) files(path.join(root, s), list);
  for (const f of list) hash.update(path.relative(root, f)).update("\0").update(readFileSync(f)).update("\0");
  return hash.digest("hex");
}

/** True when .next was built from the current sources. */
export function buildIsCurrent(): boolean {
  return existsSync(".next/BUILD_ID") && existsSync(STAMP) && readFileSync(STAMP, "utf8").trim() === sourcesFingerprint();
}

/** `next build` unless the build is current; throws when the build fails. */
export function buildIfStale(env: NodeJS.ProcessEnv, log: (line: string) => void = console.log): void {
  if (buildIsCurrent()) return;
  const fingerprint = sourcesFingerprint();
  log(existsSync(".next/BUILD_ID") ? "The sources changed since the last build: building Fluxo again…" : "Building Fluxo (first start only, about a minute)…");
  const build = spawnSync(path.resolve("node_modules/.bin/next"), ["build"], { stdio: "inherit", env });
  if (build.status !== 0) throw new Error(`next build failed (exit ${build.status})`);
  writeFileSync(STAMP, `${fingerprint}\n`);
}
