import Link from "next/link";
import { getTranslations } from "next-intl/server";

export default async function Forbidden() {
  const t = await getTranslations("forbidden");
  return (
    <main className="mx-auto mt-24 max-w-lg rounded-xl border border-red-200 bg-white p-8 shadow-sm" data-testid="forbidden">
      <h1 className="text-2xl font-semibold text-red-700">{t("title")}</h1>
      <p className="mt-3 text-slate-700">{t("body")}</p>
      <Link href="/" className="mt-6 inline-block rounded-md bg-brand-600 px-4 py-2 text-white hover:bg-brand-700">
        {t("back")}
      </Link>
    </main>
  );
}
