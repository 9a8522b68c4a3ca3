/**
 * npm test — the one command: lint, typecheck, unit, integration (fresh
 * database from the checked-in migrations) and Playwright end-to-end in
 * Chromium. Prints a summary and writes test-results/summary.json, which
 * .ci/run adds to the PostgreSQL run for its final line.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";

interface StepResult {
  name: string;
  ok: boolean;
  passed: number;
  failed: number;
}

mkdirSync("test-results", { recursive: true });
const only = process.env.FLUXO_TEST_STEPS?.split(",");

function run(cmd: string, args: string[], env: Record<string, string> = {}): boolean {
  console.log(`\n▶ ${cmd} ${args.join(" ")}`);
  const r = spawnSync(cmd, args, { stdio: "inherit", env: { ...process.env, ...env } });
  return r.status === 0;
}

function vitestCounts(file: string): { passed: number; failed: number } {
  if (!existsSync(file)) return { passed: 0, failed: 1 };
  const j = JSON.parse(readFileSync(file, "utf8")) as { numPassedTests: number; numFailedTests: number; numFailedTestSuites?: number };
  return { passed: j.numPassedTests, failed: j.numFailedTests + (j.numFailedTestSuites ?? 0) };
}

function playwrightCounts(file: string): { passed: number; failed: number } {
  if (!existsSync(file)) return { passed: 0, failed: 1 };
  const j = JSON.parse(readFileSync(file, "utf8")) as { stats: { expected: number; unexpected: number; flaky: number } };
  return { passed: j.stats.expected + j.stats.flaky, failed: j.stats.unexpected };
}

const steps: { name: string; exec: () => StepResult }[] = [
  { name: "lint", exec: () => ({ name: "lint", ...one(run("npx", ["eslint", "--max-warnings", "0", "."])) }) },
  { name: "typecheck", exec: () => ({ name: "typecheck", ...one(run("npx", ["tsc", "--noEmit"])) }) },
  {
    name: "unit",
    exec: () => {
      const out = "test-results/unit.json";
      rmSync(out, { force: true });
      const ok = run("npx", ["vitest", "run", "--project", "unit", "--reporter=default", "--reporter=json", `--outputFile=${out}`]);
      return { name: "unit", ok, ...vitestCounts(out) };
    },
  },
  {
    name: "integration",
    exec: () => {
      const out = "test-results/integration.json";
      rmSync(out, { force: true });
      const ok = run("npx", ["vitest", "run", "--project", "integration", "--reporter=default", "--reporter=json", `--outputFile=${out}`]);
      return { name: "integration", ok, ...vitestCounts(out) };
    },
  },
  {
    name: "e2e",
    exec: () => {
      const out = "test-results/e2e.json";
      rmSync(out, { force: true });
      const ok = run("npx", ["tsx", "scripts/run-e2e.ts"]);
      return { name: "e2e", ok, ...playwrightCounts(out) };
    },
  },
];

function one(ok: boolean) {
  return { ok, passed: ok ? 1 : 0, failed: ok ? 0 : 1 };
}

const results: StepResult[] = [];
for (const step of steps) {
  if (only && !only.includes(step.name)) continue;
  const r = step.exec();
  // A step that exits non-zero counts as failed even if its reporter said otherwise.
  if (!r.ok && r.failed === 0) r.failed = 1;
  results.push(r);
}

const passed = results.reduce((a, r) => a + r.passed, 0);
const failed = results.reduce((a, r) => a + r.failed, 0);
writeFileSync("test-results/summary.json", JSON.stringify({ passed, failed, steps: results }, null, 2));
console.log("\nSummary:");
for (const r of results) console.log(`  ${r.ok ? "✔" : "✘"} ${r.name.padEnd(12)} ${r.passed} passed, ${r.failed} failed`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(results.every((r) => r.ok) ? 0 : 1);
