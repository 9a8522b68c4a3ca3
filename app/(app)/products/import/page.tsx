import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { requireRole } from "@/server/auth/session";
import { isLocale } from "@/server/i18n/locales";
import { CATALOG_COLUMNS, catalogTemplateCsv } from "@/server/services/catalog/catalog-csv-columns";
import { CATALOG_WRITE_ROLES } from "@/server/services/catalog/catalog-roles";
import { stripBom } from "@/server/lib/csv";
import { CatalogImportForm } from "@/components/forms/catalog-import-form";

/** Catalogue CSV import: what the columns hold and how rows become products, the example in the reader's language, the form. */
export default async function ProductImportPage() {
  await requireRole(...CATALOG_WRITE_ROLES);
  const [t, raw] = await Promise.all([getTranslations("productImport"), getLocale()]);
  const locale = isLocale(raw) ? raw : "en";
  return (
    <div className="max-w-5xl space-y-4">
      <Link href="/products" className="text-sm text-brand-700 hover:underline">← {t("back")}</Link>
      <div>
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <p className="text-sm text-slate-500">{t("intro")}</p>
      </div>
      <CatalogImportForm />
      <section className="space-y-3 rounded-xl border border-slate-200 bg-white p-5 text-sm" data-testid="catalog-import-help">
        <h2 className="font-medium">{t("rulesTitle")}</h2>
        <ul className="list-disc space-y-1 pl-5 text-slate-600">
          {(["grouping", "update", "empty", "excel"] as const).map((k) => <li key={k}>{t(`rules.${k}`)}</li>)}
        </ul>
        <h2 className="pt-2 font-medium">{t("columnsTitle")}</h2>
        <p className="text-slate-600">{t("columnsIntro")}</p>
        <table className="w-full">
          <thead className="text-left text-xs uppercase tracking-wide text-slate-500">
            <tr>
              <th className="py-1 pr-3">{t("columnHeader")}</th>
              <th className="py-1 pr-3">{t("aliasHeader")}</th>
              <th className="py-1">{t("meaningHeader")}</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {CATALOG_COLUMNS.map((c) => (
              <tr key={c.key} className="align-top">
                <td className="py-1 pr-3 font-mono">{c.key}</td>
                <td className="py-1 pr-3 font-mono text-slate-500">{c.alias === c.key ? "" : c.alias}</td>
                <td className="py-1 text-slate-600">{t(`columns.${c.key}`)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <pre className="overflow-x-auto rounded bg-slate-50 p-2 text-xs">{stripBom(catalogTemplateCsv(locale))}</pre>
      </section>
    </div>
  );
}
