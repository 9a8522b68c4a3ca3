/**
 * The search box of a list page (products, customers): a plain GET form to the
 * list's own URL (/products?search=…), so the search can be shared, the back
 * button undoes it, and it starts at page 1. `messages`: a namespace with
 * label, placeholder, submit and clear; `testId` prefixes the test ids.
 */
import Link from "next/link";
import { useTranslations } from "next-intl";

export function ListSearchForm({ action, search, messages, testId }: { action: string; search?: string; messages: "products.search" | "customers.search"; testId: string }) {
  const t = useTranslations(messages);
  return (
    <form action={action} method="get" role="search" className="flex flex-wrap items-center gap-2 rounded-xl border border-slate-200 bg-white p-4" data-testid={`${testId}-form`}>
      <label className="sr-only" htmlFor={testId}>{t("label")}</label>
      <input
        id={testId}
        name="search"
        type="search"
        defaultValue={search ?? ""}
        maxLength={100}
        placeholder={t("placeholder")}
        className="w-full max-w-md rounded-md border border-slate-300 px-3 py-2 text-sm"
        data-testid={testId}
      />
      <button type="submit" className="rounded-md bg-brand-600 px-4 py-2 text-sm text-white hover:bg-brand-700" data-testid={`${testId}-submit`}>{t("submit")}</button>
      {search && <Link href={action} className="text-sm text-brand-600 hover:underline" data-testid={`${testId}-clear`}>{t("clear")}</Link>}
    </form>
  );
}
