/** Small helpers for the benchmark scripts: timing, percentiles, machine description. */
import os from "node:os";
import { execSync } from "node:child_process";

export interface Measure {
  name: string;
  target: string;
  value: string;
  pass: boolean | null;
  detail?: string;
}

export function percentile(samples: number[], p: number): number {
  if (samples.length === 0) return NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const idx = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, idx)] ?? NaN;
}

/** Runs fn `runs` times after `warmup` untimed runs; returns durations in ms. */
export async function timeRuns(fn: (i: number) => Promise<unknown>, runs: number, warmup = 5): Promise<number[]> {
  for (let i = 0; i < warmup; i++) await fn(i);
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn(i);
    out.push(performance.now() - t);
  }
  return out;
}

export function ms(n: number): string {
  return `${n.toFixed(1)} ms`;
}

export function machine(): string {
  let cpu = os.cpus()[0]?.model ?? "unknown CPU";
  try {
    cpu = execSync("lscpu | sed -n 's/^Model name:\\s*//p'", { encoding: "utf8" }).trim() || cpu;
  } catch {
    // lscpu is optional
  }
  return `${os.cpus().length} cores (${cpu}), ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB RAM, ${os.type()} ${os.release()}, Node ${process.version}`;
}
