"use client";
/** The product list's search: a new URL (/products?search=…), so it can be shared and the back button undoes it; it starts at page 1. */
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";

export function ProductSearchBar({ search }: { search?: string }) {
  const t = useTranslations("products.search");
  const router = useRouter();
  const [text, setText] = useState(search ?? "");

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    const q = text.trim();
    router.push(q ? `/products?${new URLSearchParams({ search: q }).toString()}` : "/products");
  }

  return (
    <form onSubmit={onSubmit} className="flex flex-wrap items-center gap-2 rounded-xl border border-slate-200 bg-white p-4" role="search" data-testid="product-search-form">
      <label className="sr-only" htmlFor="product-search">{t("label")}</label>
      <input
        id="product-search"
        type="search"
        value={text}
        maxLength={100}
        onChange={(e) => setText(e.target.value)}
        placeholder={t("placeholder")}
        className="w-full max-w-md rounded-md border border-slate-300 px-3 py-2 text-sm"
        data-testid="product-search"
      />
      <button type="submit" className="rounded-md bg-brand-600 px-4 py-2 text-sm text-white hover:bg-brand-700" data-testid="product-search-submit">{t("submit")}</button>
      {search && <Link href="/products" className="text-sm text-brand-600 hover:underline" data-testid="product-search-clear">{t("clear")}</Link>}
    </form>
  );
}
