"use client";
import { useTranslations } from "next-intl";
import { errorText, type ErrorTextOptions, type Translate, type TrpcErrorLike } from "@/components/ui/error-text";

export type { TrpcErrorLike as ErrorLike };

/** Shows a tRPC error in the user's language (components/ui/error-text.ts); `scopes` name the area's reasons. */
export function useErrorText(opts: ErrorTextOptions = {}) {
  const t = useTranslations() as unknown as Translate;
  return (error: TrpcErrorLike | null | undefined): string | null => errorText(t, error, opts);
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

/** `scope`: where the form's area keeps the reasons its services name (e.g. "stock.errors"). */
export function ErrorMessage({ error, scope }: { error: TrpcErrorLike | null | undefined; scope?: string }) {
  return <ErrorText text={useErrorText(scope ? { scopes: [scope] } : {})(error)} />;
}
