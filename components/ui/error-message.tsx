"use client";
import { useTranslations } from "next-intl";

interface ErrorLike {
  message: string;
  data?: { domainCode?: string | null; params?: Record<string, string | number> | null; zodIssues?: { path: string; message: string }[] | null } | null;
}

const CODES = ["NOT_FOUND", "FORBIDDEN", "VALIDATION", "INVALID_TRANSITION", "ORDER_ON_HOLD", "GUARD_FAILED", "CONFLICT", "INSUFFICIENT_STOCK", "DUPLICATE", "CHANNEL_INACTIVE", "PARSE_FAILED"] as const;

/** Shows a tRPC error in the user's language, with the server's detail. */
export function useErrorText() {
  const t = useTranslations("errors");
  return (error: ErrorLike | null | undefined): string | null => {
    if (!error) return null;
    const code = error.data?.domainCode;
    const params = { current: "", holds: "", detail: error.message, ...(error.data?.params ?? {}) };
    if (error.data?.zodIssues?.length) {
      return t("VALIDATION", { detail: error.data.zodIssues.map((i) => `${i.path}: ${i.message}`).join("; ") });
    }
    if (code && (CODES as readonly string[]).includes(code)) return t(code as (typeof CODES)[number], params);
    return t("UNKNOWN", { detail: error.message });
  };
}

/** The box an error's text is shown in (nothing without a text). */
export function ErrorText({ text }: { text: string | null }) {
  if (!text) return null;
  return (
    <p role="status" data-testid="error-message" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700">
      {text}
    </p>
  );
}

export function ErrorMessage({ error }: { error: ErrorLike | null | undefined }) {
  return <ErrorText text={useErrorText()(error)} />;
}
