"use client";
/**
 * Deleting a SKU or a product created by mistake (catalog.deleteSku / deleteProduct), each behind a confirmation.
 * The server refuses anything with history (SKU_IN_USE, LAST_SKU) and the refusal is shown where the button was.
 */
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useTRPC } from "@/components/providers/trpc";
import { CatalogErrorMessage } from "@/components/ui/catalog-error-text";

const danger = "rounded-md bg-red-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-red-700 disabled:opacity-50";
const plain = "rounded-md border border-slate-300 px-3 py-1.5 text-sm hover:bg-slate-50";

function Confirm({ question, pending, onYes, onNo }: { question: string; pending: boolean; onYes: () => void; onNo: () => void }) {
  const t = useTranslations("products.detail");
  return (
    <div className="mt-2 space-y-2 text-left" role="alertdialog" aria-label={question}>
      <p className="text-sm text-slate-700">{question}</p>
      <div className="flex flex-wrap gap-2">
        <button type="button" className={danger} disabled={pending} onClick={onYes} data-testid="delete-confirm">{t("deleteConfirmButton")}</button>
        <button type="button" className={plain} onClick={onNo}>{t("cancel")}</button>
      </div>
    </div>
  );
}

export function SkuDeleteButton({ skuId, code }: { skuId: string; code: string }) {
  const t = useTranslations("products.detail");
  const trpc = useTRPC();
  const router = useRouter();
  const [asking, setAsking] = useState(false);
  const remove = useMutation(trpc.catalog.deleteSku.mutationOptions({ onSuccess: () => router.refresh() }));
  return (
    <div>
      {!asking && (
        <button type="button" className="text-red-700 hover:underline" onClick={() => { remove.reset(); setAsking(true); }} data-testid="sku-delete">
          {t("delete")}
        </button>
      )}
      {asking && (
        <Confirm
          question={t("deleteSkuConfirm", { code })}
          pending={remove.isPending}
          onYes={() => remove.mutate({ skuId }, { onSettled: () => setAsking(false) })}
          onNo={() => setAsking(false)}
        />
      )}
      <CatalogErrorMessage error={remove.error} />
    </div>
  );
}

export function ProductDeleteSection({ productId, name, skuCount }: { productId: string; name: string; skuCount: number }) {
  const t = useTranslations("products.detail");
  const trpc = useTRPC();
  const router = useRouter();
  const [asking, setAsking] = useState(false);
  const remove = useMutation(trpc.catalog.deleteProduct.mutationOptions({ onSuccess: () => router.push("/products") }));
  return (
    <section className="rounded-xl border border-red-200 bg-white p-5" data-testid="product-delete">
      <h2 className="mb-1 font-semibold">{t("dangerZone")}</h2>
      <p className="mb-3 text-sm text-slate-500">{t("deleteProductHelp")}</p>
      {asking ? (
        <Confirm
          question={t("deleteProductConfirm", { name, count: skuCount })}
          pending={remove.isPending}
          onYes={() => remove.mutate({ productId }, { onError: () => setAsking(false) })}
          onNo={() => setAsking(false)}
        />
      ) : (
        <button type="button" className={plain} onClick={() => { remove.reset(); setAsking(true); }} data-testid="product-delete-button">
          {t("deleteProduct")}
        </button>
      )}
      <CatalogErrorMessage error={remove.error} />
    </section>
  );
}
