/**
 * The session-signing secret: NEXTAUTH_SECRET when configured, otherwise one
 * generated on first start and kept in the data directory, so `npm start`
 * needs no configuration and sessions survive restarts.
 */
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { dataDir } from "@/server/env";

export function authSecret(): string {
  const configured = process.env.NEXTAUTH_SECRET;
  if (configured) return configured;
  const file = path.join(dataDir(), "auth-secret");
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  mkdirSync(path.dirname(file), { recursive: true });
  const secret = randomBytes(32).toString("base64url");
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}
