import Link from "next/link";
import { getTranslations } from "next-intl/server";

export default async function NotFound() {
  const t = await getTranslations("notFound");
  return (
    <main className="mx-auto mt-24 max-w-lg rounded-xl border bg-white p-8 shadow-sm">
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <Link href="/" className="mt-6 inline-block rounded-md bg-brand-600 px-4 py-2 text-white hover:bg-brand-700">
        {t("back")}
      </Link>
    </main>
  );
}
