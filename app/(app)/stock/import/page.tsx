import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requireRole } from "@/server/auth/session";
import { StockCountImportForm } from "@/components/forms/stock-count-import-form";

/** The example in the reader's language: its header row and reason come from the messages (both header sets are accepted, stock-count-rows.ts). */
const example = (header: string, reason: string) => `${header}\nCAM-BAS-M-PRE,SP,A-01-1-01,42,${reason}\n`;

export default async function StockImportPage() {
  await requireRole("WAREHOUSE", "ADMIN");
  const t = await getTranslations("purchasing.import");
  return (
    <div className="max-w-5xl space-y-4">
      <Link href="/stock" className="text-sm text-brand-700 hover:underline">← {t("backToStock")}</Link>
      <div>
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <p className="text-sm text-slate-500">{t("intro")}</p>
      </div>
      <section className="rounded-xl border border-slate-200 bg-white p-4 text-sm">
        <h2 className="font-medium">{t("columnsTitle")}</h2>
        <p className="mt-1 text-slate-600">{t("columns")}</p>
        <p className="mt-2 text-xs font-medium text-slate-500">{t("example")}</p>
        <pre className="mt-1 overflow-x-auto rounded bg-slate-50 p-2 text-xs">{example(t("exampleHeader"), t("exampleReason"))}</pre>
      </section>
      <StockCountImportForm />
    </div>
  );
}
