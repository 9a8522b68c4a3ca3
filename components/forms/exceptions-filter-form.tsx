/**
 * Filters of the Exceptions page as a plain GET form (works without
 * JavaScript): status, type, creation days. Server- and client-safe.
 */
import Link from "next/link";
import { useTranslations } from "next-intl";
import { EXCEPTION_TYPES } from "@/server/services/exceptions/exception-types";

export interface ExceptionFilterValue {
  status: "OPEN" | "RESOLVED" | "ALL";
  type?: string;
  from?: string;
  to?: string;
}

// max-w-full: a long type name must not push the select past a phone's screen.
const field = "mt-1 block max-w-full rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm";

export function ExceptionsFilterForm({ value, extraTypes }: { value: ExceptionFilterValue; extraTypes: string[] }) {
  const t = useTranslations("exceptions");
  const types = [...EXCEPTION_TYPES, ...extraTypes.filter((x) => !(EXCEPTION_TYPES as readonly string[]).includes(x))];
  return (
    <form method="get" action="/exceptions" aria-label={t("filters.label")} className="flex flex-wrap items-end gap-3 rounded-xl border border-slate-200 bg-white p-3" data-testid="exceptions-filters">
      <label className="text-xs font-medium text-slate-600">
        {t("filters.status")}
        <select name="status" defaultValue={value.status} className={field} data-testid="filter-status">
          {(["OPEN", "RESOLVED", "ALL"] as const).map((s) => (
            <option key={s} value={s}>{t(`status.${s}`)}</option>
          ))}
        </select>
      </label>
      <label className="max-w-full text-xs font-medium text-slate-600">
        {t("filters.type")}
        <select name="type" defaultValue={value.type ?? ""} className={field} data-testid="filter-type">
          <option value="">{t("filters.allTypes")}</option>
          {types.map((type) => (
            <option key={type} value={type}>
              {t.has(`types.${type}`) ? t(`types.${type}`) : type}
            </option>
          ))}
        </select>
      </label>
      <label className="text-xs font-medium text-slate-600">
        {t("filters.from")}
        <input type="date" name="from" defaultValue={value.from ?? ""} className={field} />
      </label>
      <label className="text-xs font-medium text-slate-600">
        {t("filters.to")}
        <input type="date" name="to" defaultValue={value.to ?? ""} className={field} />
      </label>
      <button type="submit" className="rounded-md bg-brand-600 px-4 py-1.5 text-sm text-white hover:bg-brand-700">{t("filters.apply")}</button>
      <Link href="/exceptions" className="px-2 py-1.5 text-sm text-slate-600 hover:underline">{t("filters.clear")}</Link>
    </form>
  );
}
