"use client";
/** Edit one SKU of a product (catalog.updateSku) or add one (catalog.addSku): the same fields, the code typed only when adding. */
import { useMutation } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { useTRPC } from "@/components/providers/trpc";
import { CatalogErrorMessage } from "@/components/ui/catalog-error-text";
import { problemClass, useDraftProblem } from "@/components/forms/product-fields";
import { emptySkuDraft, readSkuDraft, skuDraftFrom, type SkuDraft } from "@/components/forms/sku-draft";
import { primaryButton, secondaryButton, SkuFieldsEditor } from "@/components/forms/sku-fields-editor";

export type EditableSku = Parameters<typeof skuDraftFrom>[0] & { id: string };

export function SkuEditForm({ sku, onDone }: { sku: EditableSku; onDone: () => void }) {
  const t = useTranslations("products.form");
  const locale = useLocale();
  const trpc = useTRPC();
  const router = useRouter();
  const problemText = useDraftProblem();
  const [draft, setDraft] = useState<SkuDraft>(() => skuDraftFrom(sku, locale));
  const [problem, setProblem] = useState<string | null>(null);
  const save = useMutation(trpc.catalog.updateSku.mutationOptions({ onSuccess: () => { router.refresh(); onDone(); } }));

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    const read = readSkuDraft(draft);
    if (!read.ok) return setProblem(problemText(read.field));
    setProblem(null);
    save.mutate({ skuId: sku.id, ...read.fields });
  }

  return (
    <form onSubmit={onSubmit} className="space-y-3" data-testid="sku-edit-form">
      <SkuFieldsEditor draft={draft} onChange={(patch) => setDraft((d) => ({ ...d, ...patch }))} withCode={false} nameRequired />
      {problem && <p role="alert" className={problemClass} data-testid="sku-problem">{problem}</p>}
      <CatalogErrorMessage error={save.error} />
      <div className="flex gap-3">
        <button type="submit" className={primaryButton} disabled={save.isPending} data-testid="sku-save">{save.isPending ? t("saving") : t("save")}</button>
        <button type="button" className={secondaryButton} onClick={onDone}>{t("cancel")}</button>
      </div>
    </form>
  );
}

export function SkuAddForm({ productId }: { productId: string }) {
  const t = useTranslations("products.form");
  const trpc = useTRPC();
  const router = useRouter();
  const problemText = useDraftProblem();
  const [draft, setDraft] = useState<SkuDraft>(emptySkuDraft);
  const [problem, setProblem] = useState<string | null>(null);
  const add = useMutation(trpc.catalog.addSku.mutationOptions({ onSuccess: () => { setDraft(emptySkuDraft()); router.refresh(); } }));

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    const read = readSkuDraft(draft);
    if (!read.ok) return setProblem(problemText(read.field));
    setProblem(null);
    add.mutate({ productId, code: draft.code.trim(), ...read.fields });
  }

  return (
    <form onSubmit={onSubmit} className="space-y-3" data-testid="sku-add-form">
      <SkuFieldsEditor draft={draft} onChange={(patch) => { add.reset(); setDraft((d) => ({ ...d, ...patch })); }} withCode nameRequired={false} />
      {problem && <p role="alert" className={problemClass} data-testid="sku-problem">{problem}</p>}
      <CatalogErrorMessage error={add.error} />
      <div className="flex items-center gap-3">
        <button type="submit" className={primaryButton} disabled={add.isPending} data-testid="sku-add-submit">{add.isPending ? t("saving") : t("addSkuSubmit")}</button>
        {add.isSuccess && <span role="status" className="text-sm text-green-700" data-testid="sku-added">{t("skuAdded", { code: add.data.code })}</span>}
      </div>
    </form>
  );
}
