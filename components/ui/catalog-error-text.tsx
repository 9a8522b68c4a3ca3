"use client";
/**
 * Catalogue errors in the user's language: the field rules the services name
 * in params.rule (EAN check digit, SKU code taken…) get their own sentence
 * (products.errors.<rule>); anything else falls back to the generic texts.
 */
import { useTranslations } from "next-intl";
import { ErrorText, useErrorText } from "@/components/ui/error-message";
import type { TrpcErrorLike } from "@/components/ui/error-text";

export function useCatalogErrorText() {
  const t = useTranslations("products.errors");
  const generic = useErrorText();
  return (error: TrpcErrorLike | null | undefined): string | null => {
    const params = error?.data?.params;
    const rule = params?.rule;
    if (typeof rule === "string" && t.has(rule)) return t(rule, params ?? {});
    return generic(error);
  };
}

export function CatalogErrorMessage({ error }: { error: TrpcErrorLike | null | undefined }) {
  return <ErrorText text={useCatalogErrorText()(error)} />;
}
