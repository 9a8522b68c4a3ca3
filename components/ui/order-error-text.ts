"use client";
/**
 * Order errors in the user's language, for forms: the pure sentence
 * (order-error-sentence.ts) with the page's translator.
 */
import { useTranslations } from "next-intl";
import type { Translate, TrpcErrorLike } from "@/components/ui/error-text";
import { orderErrorText, type DomainErrorLike } from "@/components/ui/order-error-sentence";

export type { DomainErrorLike };

export function useOrderErrorText() {
  const t = useTranslations() as unknown as Translate;
  return (error: TrpcErrorLike | DomainErrorLike | null | undefined): string | null => orderErrorText(t, error);
}
