/**
 * A tRPC error as a sentence in the user's language, pure (a next-intl
 * translator in, text out) so both languages are unit tested. Nothing the
 * server wrote in English reaches the page:
 *  - zod issues are read by their code and numbers (too_small on a string of
 *    8 → "Use at least 8 characters."), a refinement by the rule it names,
 *    each prefixed with the field's label (errors.field.<name>);
 *  - a DomainError is read by the rule in params.rule, looked up in the
 *    form's area first (scopes, e.g. "stock.errors"), then where its code's
 *    reasons live (INSUFFICIENT_STOCK → stock.errors), then errors.rule;
 *    without one, a VALIDATION naming a known field says which field, and
 *    anything else gets its code's sentence (errors.<code>).
 * Only an unexpected error (no domain code) shows the server's message.
 */
import { DOMAIN_ERROR_CODES, type DomainErrorCode } from "@/server/lib/domain-error";
import type { IssueView } from "@/server/lib/zod-issue-view";

export interface TrpcErrorLike {
  message: string;
  data?: { domainCode?: string | null; params?: Record<string, string | number> | null; zodIssues?: readonly IssueView[] | null } | null;
}

/** What the functions need of a next-intl translator (useTranslations() / createTranslator()). */
export interface Translate {
  (key: string, values?: Record<string, string | number>): string;
  has(key: string): boolean;
}

export interface ErrorTextOptions {
  /** Where the form's area keeps its reasons, most specific first: "stock.errors", "channels.errors"… */
  scopes?: readonly string[];
}

/** Where the reasons of a code live wherever it surfaces: a stock shortfall is stock's, on an order page too. */
const CODE_SCOPE: Partial<Record<DomainErrorCode, string>> = { INSUFFICIENT_STOCK: "stock.errors" };

function ruleKey(t: Translate, rule: unknown, scopes: readonly (string | undefined)[]): string | null {
  if (typeof rule !== "string" || rule === "") return null;
  for (const scope of [...scopes, "errors.rule"]) {
    const key = scope ? `${scope}.${rule}` : null;
    if (key && t.has(key)) return key;
  }
  return null;
}

const isIndex = (segment: string) => /^\d+$/.test(segment);

/** The label of the field a path ends in ("lines.0.quantity" → Quantity), or null when there is none. */
export function fieldLabel(t: Translate, path: string): string | null {
  const name = path.split(".").filter((s) => s !== "" && !isIndex(s)).pop();
  return name && t.has(`errors.field.${name}`) ? t(`errors.field.${name}`) : null;
}

/** What is wrong with a value, without the field's name. */
export function issueProblem(t: Translate, issue: IssueView, opts: ErrorTextOptions = {}): string {
  const rule = ruleKey(t, issue.rule, opts.scopes ?? []);
  if (rule) return t(rule);
  const say = (key: string, values?: Record<string, number>) => t(`errors.issue.${key}`, values);
  const { minimum, maximum, origin } = issue;
  const list = origin === "array" || origin === "set";
  switch (issue.code) {
    case "too_small":
      if (origin === "string") return minimum !== undefined && minimum > 1 ? say("textMin", { minimum }) : say("required");
      if (list) return say("listMin", { minimum: minimum ?? 1 });
      if (minimum === undefined) return say("invalid");
      return issue.inclusive === false ? say("numberAbove", { minimum }) : say("numberMin", { minimum });
    case "too_big":
      if (maximum === undefined) return say("invalid");
      if (origin === "string") return say("textMax", { maximum });
      if (list) return say("listMax", { maximum });
      return issue.inclusive === false ? say("numberBelow", { maximum }) : say("numberMax", { maximum });
    case "invalid_type":
      if (issue.expected === "int" || issue.format === "safeint") return say("wholeNumber");
      if (issue.expected === "number" || issue.expected === "bigint") return say("number");
      if (issue.expected === "date") return say("date");
      return say("required");
    case "invalid_format":
      if (issue.format === "email") return say("email");
      if (issue.format === "uuid" || issue.format === "guid") return say("choice");
      if (issue.format === "datetime" || issue.format === "date") return say("date");
      return say("format");
    case "invalid_value":
    case "invalid_union":
      return say("choice");
    default:
      return say("invalid");
  }
}

/** One issue with its field: "Webhook secret: Use at least 8 characters." (the line number for list items). */
export function issueText(t: Translate, issue: IssueView, opts: ErrorTextOptions = {}): string {
  const problem = issueProblem(t, issue, opts);
  const field = fieldLabel(t, issue.path);
  if (!field) return problem;
  const index = issue.path.split(".").find(isIndex);
  return index === undefined ? t("errors.fieldProblem", { field, problem }) : t("errors.itemFieldProblem", { item: Number(index) + 1, field, problem });
}

function domainErrorText(t: Translate, code: DomainErrorCode, params: Record<string, string | number>, opts: ErrorTextOptions): string {
  const rule = ruleKey(t, params.rule, [...(opts.scopes ?? []), CODE_SCOPE[code]]);
  if (rule) return t(rule, params);
  const field = code === "VALIDATION" && typeof params.field === "string" ? fieldLabel(t, params.field) : null;
  if (field) return t("errors.fieldInvalid", { field });
  return t(`errors.${code}`, { current: "", holds: "", ...params });
}

export function errorText(t: Translate, error: TrpcErrorLike | null | undefined, opts: ErrorTextOptions = {}): string | null {
  if (!error) return null;
  const issues = error.data?.zodIssues;
  if (issues?.length) return [...new Set(issues.map((i) => issueText(t, i, opts)))].join(" ");
  const code = error.data?.domainCode;
  if (code && (DOMAIN_ERROR_CODES as readonly string[]).includes(code)) return domainErrorText(t, code as DomainErrorCode, error.data?.params ?? {}, opts);
  return t("errors.UNKNOWN", { detail: error.message });
}
