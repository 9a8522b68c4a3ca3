"use client";
/**
 * Catalogue errors in the user's language: the field rules the services name
 * in params.rule (EAN check digit, SKU code taken…) get their own sentence
 * (products.errors.<rule>); anything else falls back to the generic texts.
 */
import { useTranslations } from "next-intl";
import { ErrorText, useErrorText } from "@/components/ui/error-message";

interface TrpcErrorLike {
  message: string;
  data?: { domainCode?: string | null; params?: Record<string, string | number> | null; zodIssues?: { path: string; message: string }[] | null } | null;
}

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
