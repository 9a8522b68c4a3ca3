/**
 * Small typed readers shared by the channel connectors. Payloads arrive as
 * `unknown` (parsed with parseJsonSafe so 64-bit ids stay exact); these
 * helpers read one field at a time and throw a ChannelParseError whose rule
 * and values name the field (a Where) when a required value is missing or wrong.
 */
import { createHash, createHmac, timingSafeEqual } from "node:crypto";
import { fromMinorUnits, MoneyParseError, toCents, type Cents } from "@/server/lib/money";
import { JsonSyntaxError, parseJsonSafe } from "@/server/lib/json-safe";
import type { ChannelParseError, InboundRequest, VerifyResult } from "./types";
import { Where, type PlatformName } from "./where";
import { verifyReason } from "./verify-reasons";

export type JsonObject = Record<string, unknown>;

export function isObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Absent, null or "": what platforms send for "no value". */
function isAbsent(value: unknown): boolean {
  return value === undefined || value === null || value === "";
}

/** The value at `where` as an object, or a ChannelParseError. */
export function asObject(value: unknown, where: Where): JsonObject {
  if (!isObject(value)) throw where.bad(where.isRoot ? "bodyNotObject" : "notObject", value);
  return value;
}

/** A nested object of `o` (which is at `where`); undefined when absent or null, error when it is another type. */
export function obj(o: JsonObject | undefined, key: string, where: Where): JsonObject | undefined {
  const v = o?.[key];
  if (v === undefined || v === null) return undefined;
  if (!isObject(v)) throw where.at(key).bad("notObject", v);
  return v;
}

/** A nested array of `o` (which is at `where`); [] when absent or null, error when it is another type. */
export function arr(o: JsonObject | undefined, key: string, where: Where): unknown[] {
  const v = o?.[key];
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v)) throw where.at(key).bad("notArray", v);
  return v;
}

/** The first of `keys` that `o` has a value for (not undefined or null), else the first: a field read with fallbacks. */
export function firstKey(o: JsonObject, keys: readonly [string, ...string[]]): string {
  return keys.find((k) => o[k] !== undefined && o[k] !== null) ?? keys[0];
}

/** Trimmed non-empty string; numbers are stringified (ids); anything else → undefined. */
export function str(o: JsonObject | undefined, key: string): string | undefined {
  return toStr(o?.[key]);
}

export function toStr(v: unknown): string | undefined {
  if (typeof v === "string") {
    const t = v.trim();
    return t === "" ? undefined : t;
  }
  if (typeof v === "number" && Number.isFinite(v)) return String(v);
  return undefined;
}

/**
 * An id as an exact string: integers (safe ones as numbers, unsafe ones as the
 * digit strings parseJsonSafe produces) or non-empty strings. 0 and negative
 * numbers mean "none" on most platforms (Woo customer_id 0) → undefined.
 */
export function idStr(o: JsonObject | undefined, key: string): string | undefined {
  const v = o?.[key];
  if (typeof v === "number") return Number.isInteger(v) && v > 0 ? String(v) : undefined;
  const s = toStr(v);
  return s === undefined || s === "0" ? undefined : s;
}

export function bool(o: JsonObject | undefined, key: string): boolean | undefined {
  const v = o?.[key];
  return typeof v === "boolean" ? v : undefined;
}

/** A count: integer number or integer string ("2"), at least `min`. */
export function int(value: unknown, where: Where, min = 0): number {
  const n = typeof value === "string" && /^\s*-?\d+\s*$/.test(value) ? Number(value) : value;
  if (typeof n !== "number" || !Number.isSafeInteger(n) || n < min) {
    throw isAbsent(value) ? where.error("missingField") : where.bad("notInteger", value, { min });
  }
  return n;
}

/** Exact cents of a decimal string or number; missing or malformed → ChannelParseError about `where`. */
export function cents(value: unknown, where: Where): Cents {
  if (isAbsent(value)) throw where.error("missingField");
  if (typeof value !== "string" && typeof value !== "number") throw where.bad("notAmount", value);
  try {
    return toCents(value);
  } catch (e) {
    if (e instanceof MoneyParseError) throw where.bad("notAmount", value);
    throw e;
  }
}

/** Like cents but absent/null/"" is 0. */
export function centsOrZero(value: unknown, where: Where): Cents {
  return isAbsent(value) ? 0 : cents(value, where);
}

const DATE =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;

/**
 * An ISO-8601 date-time as the platforms write it: "2013-01-03T09:11:51-03:00",
 * "…-0300" or "…+0000", "…Z", fractions of any length, or a date alone.
 * A time without an offset is taken as UTC (WooCommerce `*_gmt` fields): never
 * the server's local zone. Out-of-range parts (Feb 30, 25:00) are rejected.
 */
export function parseDate(value: unknown, where: Where): Date {
  if (isAbsent(value)) throw where.error("missingField");
  const text = typeof value === "string" ? value.trim() : "";
  const m = DATE.exec(text);
  const bad = () => where.bad("notDate", value);
  if (!m) throw bad();
  const [, y = "", mo = "", d = "", hh = "00", mi = "00", ss = "00", frac = "", zone = "Z"] = m;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth || Number(hh) > 23 || Number(mi) > 59 || Number(ss) > 59) {
    throw bad();
  }
  let offset = zone.toUpperCase();
  if (offset !== "Z") {
    const digits = offset.slice(1).replace(":", "").padEnd(4, "0");
    if (Number(digits.slice(0, 2)) > 23 || Number(digits.slice(2)) > 59) throw bad();
    offset = `${offset[0]}${digits.slice(0, 2)}:${digits.slice(2)}`;
  }
  const ms = frac.slice(0, 3).padEnd(3, "0");
  const date = new Date(`${y}-${mo}-${d}T${hh}:${mi}:${ss}.${ms}${offset}`);
  if (Number.isNaN(date.getTime())) throw bad();
  return date;
}

/** parseDate, but absent/null/"" → undefined. */
export function optDate(value: unknown, where: Where): Date | undefined {
  return isAbsent(value) ? undefined : parseDate(value, where);
}

const NAMED_ENTITIES: Record<string, string> = {
  amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: "\u00a0",
  ndash: "\u2013", mdash: "\u2014", hellip: "\u2026", lsquo: "\u2018", rsquo: "\u2019",
  ldquo: "\u201c", rdquo: "\u201d", laquo: "\u00ab", raquo: "\u00bb", times: "\u00d7",
  middot: "\u00b7", bull: "\u2022", deg: "\u00b0", copy: "\u00a9", reg: "\u00ae",
  trade: "\u2122", euro: "\u20ac", pound: "\u00a3", cent: "\u00a2",
};

/** Decode the HTML entities WordPress-style platforms put in names ("Idea &ndash; Black" → "Idea – Black"). One pass: "&amp;lt;" → "&lt;". */
export function decodeHtmlEntities(text: string): string {
  return text.replace(/&(#[0-9]{1,7}|#x[0-9a-f]{1,6}|[a-z]{2,8});/gi, (whole, ref: string) => {
    if (ref.startsWith("#")) {
      const code = ref[1] === "x" || ref[1] === "X" ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      const valid = code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff);
      return valid ? String.fromCodePoint(code) : whole;
    }
    return NAMED_ENTITIES[ref.toLowerCase()] ?? whole;
  });
}

/** Join name parts that are present ("John", undefined, "Doe" → "John Doe"); undefined when none. */
export function joinName(...parts: (string | undefined)[]): string | undefined {
  const joined = parts.filter((p): p is string => p !== undefined && p.trim() !== "").map((p) => p.trim()).join(" ");
  return joined === "" ? undefined : joined;
}

/** Digits of a tax id ("123.456.789-09" → "12345678909"); undefined when there are none. */
export function digitsOnly(text: string | undefined): string | undefined {
  const d = text?.replace(/\D/g, "");
  return d === undefined || d === "" ? undefined : d;
}

// ---------------------------------------------------------------------------
// Request helpers

/** A header value (names are lower-cased in InboundRequest), trimmed; undefined when empty. */
export function header(req: InboundRequest, name: string): string | undefined {
  const v = req.headers[name.toLowerCase()];
  const t = v?.trim();
  return t === undefined || t === "" ? undefined : t;
}

/** The raw body parsed with parseJsonSafe; invalid JSON → ChannelParseError naming the platform and where it breaks. */
export function parseJsonBody(req: InboundRequest, platform: PlatformName): unknown {
  return parseJsonText(req.rawBody.toString("utf8"), platform);
}

/** JSON text (a body, a document a fetcher holds) parsed with parseJsonSafe; see parseJsonBody. */
export function parseJsonText(text: string, platform: PlatformName): unknown {
  const root = Where.root(platform);
  if (text.trim() === "") throw root.error("emptyBody");
  try {
    return parseJsonSafe(text);
  } catch (e) {
    if (e instanceof JsonSyntaxError) throw jsonSyntaxError(text, e.position, root);
    throw e;
  }
}

/** Line and column (1-based) of the break; past the end, the document was cut off. */
function jsonSyntaxError(text: string, position: number, root: Where): ChannelParseError {
  const before = text.slice(0, position);
  const line = before.split("\n").length;
  const column = position - before.lastIndexOf("\n");
  if (position >= text.length) return root.error("truncatedJson", { line, column });
  return root.error("invalidJson", { line, column, found: String.fromCodePoint(text.codePointAt(position) ?? 0) });
}

export function sha256Hex(data: Buffer | string): string {
  return createHash("sha256").update(data).digest("hex");
}

/** Constant-time string comparison (for shared-token headers); lengths are hidden by hashing first. */
export function safeEqual(a: string, b: string): boolean {
  const ha = createHash("sha256").update(a, "utf8").digest();
  const hb = createHash("sha256").update(b, "utf8").digest();
  return timingSafeEqual(ha, hb) && a.length === b.length;
}

/**
 * Check an HMAC-SHA256 signature header over the raw body, timing-safe.
 * `encoding` is how the platform writes the digest (Shopify/Woo base64, Nuvemshop hex).
 */
export function verifyHmacSha256(
  req: InboundRequest,
  secret: string,
  opts: { header: string; encoding: "base64" | "hex" },
): VerifyResult {
  const given = header(req, opts.header);
  if (given === undefined) return { ok: false, reason: verifyReason("missingHeader", { header: opts.header }) };
  if (secret === "") return { ok: false, reason: verifyReason("noSecret") };
  const wellFormed = opts.encoding === "hex" ? /^[0-9a-f]{64}$/i : /^[A-Za-z0-9+/]{43}=?$/;
  if (!wellFormed.test(given)) return { ok: false, reason: verifyReason("malformedHeader", { header: opts.header, encoding: opts.encoding }) };
  const expected = createHmac("sha256", secret).update(req.rawBody).digest();
  const actual = Buffer.from(given, opts.encoding);
  if (actual.length !== expected.length || !timingSafeEqual(actual, expected)) {
    return { ok: false, reason: verifyReason("signatureMismatch", { header: opts.header }) };
  }
  return { ok: true };
}

/** Exact cents of a platform that already sends integer minor units (VTEX); missing or not an integer → ChannelParseError. */
export function minorUnits(value: unknown, where: Where): Cents {
  if (isAbsent(value)) throw where.error("missingField");
  if ((typeof value !== "number" && typeof value !== "string") || !/^-?\d+$/.test(String(value).trim())) {
    throw where.bad("notMinorUnits", value);
  }
  try {
    return fromMinorUnits(typeof value === "string" ? value.trim() : value);
  } catch (e) {
    if (e instanceof MoneyParseError) throw where.bad("amountTooLarge", value);
    throw e;
  }
}

/**
 * Shared-token check for platforms that do not sign deliveries (Mercado Livre,
 * VTEX, Amazon relays): accepted when the webhook URL's `?token=` or the
 * `x-fluxo-token` header equals the channel secret (timing-safe; either one
 * matching is enough).
 */
export function verifySharedToken(req: InboundRequest, secret: string): VerifyResult {
  const given = [req.query.token?.trim(), header(req, "x-fluxo-token")].filter(
    (t): t is string => t !== undefined && t !== "",
  );
  if (given.length === 0) return { ok: false, reason: verifyReason("missingToken") };
  if (secret === "") return { ok: false, reason: verifyReason("noToken") };
  let match = false;
  for (const t of given) match = safeEqual(t, secret) || match; // compare every candidate: no early exit
  return match ? { ok: true } : { ok: false, reason: verifyReason("tokenMismatch") };
}
