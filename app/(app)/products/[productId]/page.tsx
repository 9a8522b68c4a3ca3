import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { TRPCError } from "@trpc/server";
import { serverCaller } from "@/server/api/caller";
import { AREAS } from "@/server/auth/page-access";
import { requireRole } from "@/server/auth/session";
import { mayEditCatalog } from "@/server/services/catalog/catalog-roles";
import { ProductDeleteSection } from "@/components/forms/catalog-delete-buttons";
import { ProductEditForm } from "@/components/forms/product-edit-form";
import { SkuAddForm } from "@/components/forms/sku-edit-form";
import { ProductSkusTable } from "@/components/tables/product-skus-table";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const card = "rounded-xl border border-slate-200 bg-white p-5";

export default async function ProductPage({ params }: { params: Promise<{ productId: string }> }) {
  const user = await requireRole(...AREAS.products.roles);
  const { productId } = await params;
  if (!UUID.test(productId)) notFound();
  const [t, format, caller] = await Promise.all([getTranslations("products"), getFormatter(), serverCaller()]);
  const [d, settings] = await Promise.all([
    caller.catalog.product({ productId }).catch((e: unknown) => {
      if (e instanceof TRPCError && e.code === "NOT_FOUND") notFound();
      throw e;
    }),
    caller.settings.get(),
  ]);
  const canEdit = mayEditCatalog(user.role);

  return (
    <div className="max-w-6xl space-y-6">
      <div>
        <Link href="/products" className="text-sm text-brand-700 hover:underline">← {t("detail.back")}</Link>
        <h1 className="mt-1 text-2xl font-semibold" data-testid="product-heading">{d.product.name}</h1>
        <p className="text-sm text-slate-500">
          {[d.product.brand, t("detail.updated", { when: format.dateTime(d.product.updatedAt, { dateStyle: "short", timeStyle: "short" }) })].filter(Boolean).join(" · ")}
        </p>
      </div>

      <section className={card}>
        <h2 className="mb-3 font-semibold">{t("detail.details")}</h2>
        {canEdit ? (
          <ProductEditForm product={d.product} />
        ) : (
          <p className="whitespace-pre-line text-sm text-slate-700" data-testid="product-description-text">{d.product.description ?? t("detail.noDescription")}</p>
        )}
      </section>

      <section className={card}>
        <h2 className="mb-3 font-semibold">{t("detail.skus", { count: d.skus.length })}</h2>
        <ProductSkusTable skus={d.skus} currency={settings.currency} canEdit={canEdit} />
      </section>

      {canEdit && (
        <section className={card}>
          <h2 className="mb-1 font-semibold">{t("detail.addSku")}</h2>
          <p className="mb-3 text-sm text-slate-500">{t("detail.addSkuHelp")}</p>
          <SkuAddForm productId={d.product.id} />
        </section>
      )}

      {canEdit && <ProductDeleteSection productId={d.product.id} name={d.product.name} skuCount={d.skus.length} />}
    </div>
  );
}
