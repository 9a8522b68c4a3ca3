/**
 * A zod issue as the client receives it (the tRPC error formatter's
 * data.zodIssues): the path, the issue code and its numbers, so the UI can
 * say what is wrong in the user's language (components/ui/error-text.ts)
 * instead of showing zod's English message. A refinement names its rule in
 * params.rule (`.refine(fn, { message, params: { rule: "NOT_ZERO" } })`);
 * `message` stays for API clients and for schemas whose messages are codes
 * (manual order entry).
 */
import { z } from "zod";
import { isIsoCurrency } from "@/server/lib/currency";

export interface IssueView {
  path: string;
  message: string;
  code?: string;
  /** too_small / too_big: what was measured ("string", "number", "array"…). */
  origin?: string;
  minimum?: number;
  maximum?: number;
  inclusive?: boolean;
  /** invalid_format: "email", "uuid", "regex"…; invalid_type: "safeint" for whole numbers. */
  format?: string;
  /** invalid_type: the type expected ("string", "number", "int", "date"…). */
  expected?: string;
  /** custom: the rule a refinement names. */
  rule?: string;
}

const num = (v: unknown): number | undefined => (typeof v === "number" ? v : typeof v === "bigint" ? Number(v) : undefined);
const str = (v: unknown): string | undefined => (typeof v === "string" ? v : undefined);

export function toIssueView(issue: z.core.$ZodIssue): IssueView {
  const i = issue as unknown as Record<string, unknown>;
  const params = i.params as Record<string, unknown> | undefined;
  const view: IssueView = { path: issue.path.map(String).join("."), message: issue.message, code: issue.code };
  const fields: Partial<IssueView> = {
    origin: str(i.origin),
    minimum: num(i.minimum),
    maximum: num(i.maximum),
    inclusive: typeof i.inclusive === "boolean" ? i.inclusive : undefined,
    format: str(i.format),
    expected: str(i.expected),
    rule: str(params?.rule),
  };
  for (const [k, v] of Object.entries(fields)) if (v !== undefined) (view as unknown as Record<string, unknown>)[k] = v;
  return view;
}

/** A refinement's options naming its rule (errors.rule.<rule> or the area's): `.refine(fn, ruled("NOT_ZERO", "delta must not be 0"))`. */
export function ruled(rule: string, message: string): { message: string; params: { rule: string } } {
  return { message, params: { rule } };
}

const THREE_LETTERS = /^[A-Z]{3}$/;

/**
 * An ISO 4217 code as typed ("brl " → "BRL"): three letters (CURRENCY_CODE), and a currency that
 * exists (CURRENCY_UNKNOWN: "REA", "XYZ"). Settings and channels share it.
 */
export const currencyCodeInput = () =>
  z
    .string()
    .trim()
    .toUpperCase()
    .refine((v) => THREE_LETTERS.test(v), ruled("CURRENCY_CODE", "Use a 3-letter ISO 4217 code"))
    .refine((v) => !THREE_LETTERS.test(v) || isIsoCurrency(v), ruled("CURRENCY_UNKNOWN", "Not an ISO 4217 currency code"));
