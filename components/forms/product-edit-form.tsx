"use client";
/** The product's name, brand and description (catalog.updateProduct). */
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { useTRPC } from "@/components/providers/trpc";
import { CatalogErrorMessage } from "@/components/ui/catalog-error-text";
import { ProductFields, type ProductDraft } from "@/components/forms/product-fields";
import { primaryButton } from "@/components/forms/sku-fields-editor";

export function ProductEditForm({ product }: { product: { id: string; name: string; brand: string | null; description: string | null } }) {
  const t = useTranslations("products.form");
  const trpc = useTRPC();
  const router = useRouter();
  const [draft, setDraft] = useState<ProductDraft>({ name: product.name, brand: product.brand ?? "", description: product.description ?? "" });
  const save = useMutation(trpc.catalog.updateProduct.mutationOptions({ onSuccess: () => router.refresh() }));

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    save.mutate({ productId: product.id, ...draft });
  }

  return (
    <form onSubmit={onSubmit} className="space-y-3" data-testid="product-edit-form" onChange={() => save.reset()}>
      <ProductFields draft={draft} onChange={(patch) => setDraft((d) => ({ ...d, ...patch }))} />
      <CatalogErrorMessage error={save.error} />
      <div className="flex items-center gap-3">
        <button type="submit" className={primaryButton} disabled={save.isPending} data-testid="product-save">
          {save.isPending ? t("saving") : t("save")}
        </button>
        {save.isSuccess && <span role="status" className="text-sm text-green-700" data-testid="product-saved">{save.data.changed ? t("saved") : t("unchanged")}</span>}
      </div>
    </form>
  );
}
