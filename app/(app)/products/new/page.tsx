import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requireRole } from "@/server/auth/session";
import { CATALOG_WRITE_ROLES } from "@/server/services/catalog/catalog-roles";
import { ProductCreateForm } from "@/components/forms/product-create-form";

export default async function NewProductPage() {
  await requireRole(...CATALOG_WRITE_ROLES);
  const t = await getTranslations("products");
  return (
    <div className="max-w-5xl space-y-4">
      <Link href="/products" className="text-sm text-brand-700 hover:underline">← {t("detail.back")}</Link>
      <div>
        <h1 className="text-2xl font-semibold">{t("new")}</h1>
        <p className="text-sm text-slate-500">{t("form.intro")}</p>
      </div>
      <ProductCreateForm />
    </div>
  );
}
