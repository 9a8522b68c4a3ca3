/**
 * A PostgreSQL for the benchmarks: BENCH_DATABASE_URL when given, else a
 * private PostgreSQL 15 started in bench/.data/pg (kept between runs so the
 * million-order seed is made once). As root it runs as the postgres user.
 */
import { execSync } from "node:child_process";
import { existsSync, mkdirSync } from "node:fs";
import path from "node:path";

const PG_BIN = process.env.PG_BIN ?? "/usr/lib/postgresql/15/bin";
const DIR = path.resolve("bench/.data/pg");
const PORT = Number(process.env.BENCH_PG_PORT ?? 55499);

function asPg(cmd: string): void {
  const isRoot = process.getuid?.() === 0;
  execSync(isRoot ? `su postgres -s /bin/bash -c ${JSON.stringify(cmd)}` : cmd, { stdio: "inherit" });
}

export function startBenchPostgres(): { url: string; stop: () => void } {
  if (process.env.BENCH_DATABASE_URL) return { url: process.env.BENCH_DATABASE_URL, stop: () => undefined };
  if (!existsSync(`${PG_BIN}/initdb`)) throw new Error(`No PostgreSQL binaries at ${PG_BIN}: set BENCH_DATABASE_URL or PG_BIN.`);
  mkdirSync(DIR, { recursive: true });
  if (process.getuid?.() === 0) execSync(`chown -R postgres ${DIR}`);
  if (!existsSync(path.join(DIR, "data", "PG_VERSION"))) asPg(`${PG_BIN}/initdb -D ${DIR}/data -A trust -U fluxo >/dev/null`);
  // Write-heavy settings: with the default max_wal_size (1GB) ingest forced a checkpoint every ~20 s, and every page first
  // written after one goes whole into the WAL (PostgreSQL logged "checkpoints are occurring too frequently").
  const opts = `-p ${PORT} -k ${DIR} -c listen_addresses=127.0.0.1 -c max_connections=200 -c shared_buffers=512MB -c work_mem=16MB -c max_wal_size=8GB -c checkpoint_timeout=15min`;
  asPg(`${PG_BIN}/pg_ctl -D ${DIR}/data -o "${opts}" -l ${DIR}/log -w start >/dev/null`);
  return {
    url: `postgresql://fluxo@127.0.0.1:${PORT}/postgres`,
    stop: () => asPg(`${PG_BIN}/pg_ctl -D ${DIR}/data -m fast stop >/dev/null`),
  };
}
