"use client";
/** Edit one SKU of a product (catalog.updateSku) or add one (catalog.addSku): the same fields, the code typed only when adding. */
import { useMutation } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { useTRPC } from "@/components/providers/trpc";
import { CatalogErrorMessage } from "@/components/ui/catalog-error-text";
import type { TrpcErrorLike } from "@/components/ui/error-text";
import { isEdited, remainingError, useEdits } from "@/components/forms/form-errors";
import { problemClass, useDraftProblem } from "@/components/forms/product-fields";
import { emptySkuDraft, readSkuDraft, skuDraftFrom, skuIssuePath, type DraftField, type SkuDraft, type SkuFields } from "@/components/forms/sku-draft";
import { primaryButton, secondaryButton, SkuFieldsEditor } from "@/components/forms/sku-fields-editor";

export type EditableSku = Parameters<typeof skuDraftFrom>[0] & { id: string };

/**
 * A SKU form's errors: the field it could not read and the server's, each gone
 * at the next submit or once its field is edited.
 */
function useSkuFormErrors() {
  const problemText = useDraftProblem();
  const edits = useEdits();
  const [problem, setProblem] = useState<DraftField | null>(null);
  return {
    /** On submit: the earlier errors go (`reset` the mutation's); the router's fields, or null when one cannot be read. */
    read(draft: SkuDraft, reset: () => void): SkuFields | null {
      edits.restart();
      reset();
      const read = readSkuDraft(draft);
      setProblem(read.ok ? null : read.field);
      return read.ok ? read.fields : null;
    },
    touch: (patch: Partial<SkuDraft>) => edits.touch(...(Object.keys(patch) as (keyof SkuDraft)[]).map((k) => skuIssuePath(k))),
    problem: problem && !isEdited(skuIssuePath(problem), edits.edited) ? problemText(problem) : null,
    remaining: <E extends TrpcErrorLike>(error: E | null) => remainingError(error, edits.edited),
  };
}

export function SkuEditForm({ sku, onDone }: { sku: EditableSku; onDone: () => void }) {
  const t = useTranslations("products.form");
  const locale = useLocale();
  const trpc = useTRPC();
  const router = useRouter();
  const errors = useSkuFormErrors();
  const [draft, setDraft] = useState<SkuDraft>(() => skuDraftFrom(sku, locale));
  const save = useMutation(trpc.catalog.updateSku.mutationOptions({ onSuccess: () => { router.refresh(); onDone(); } }));

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    const fields = errors.read(draft, save.reset);
    if (fields) save.mutate({ skuId: sku.id, ...fields });
  }

  return (
    <form onSubmit={onSubmit} className="space-y-3" data-testid="sku-edit-form">
      <SkuFieldsEditor draft={draft} onChange={(patch) => { errors.touch(patch); setDraft((d) => ({ ...d, ...patch })); }} withCode={false} nameRequired />
      {errors.problem && <p role="alert" className={problemClass} data-testid="sku-problem">{errors.problem}</p>}
      <CatalogErrorMessage error={errors.remaining(save.error)} />
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
  const errors = useSkuFormErrors();
  const [draft, setDraft] = useState<SkuDraft>(emptySkuDraft);
  const add = useMutation(trpc.catalog.addSku.mutationOptions({ onSuccess: () => { setDraft(emptySkuDraft()); router.refresh(); } }));

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    const fields = errors.read(draft, add.reset);
    if (fields) add.mutate({ productId, code: draft.code.trim(), ...fields });
  }

  function onChange(patch: Partial<SkuDraft>) {
    if (add.isSuccess) add.reset();
    errors.touch(patch);
    setDraft((d) => ({ ...d, ...patch }));
  }

  return (
    <form onSubmit={onSubmit} className="space-y-3" data-testid="sku-add-form">
      <SkuFieldsEditor draft={draft} onChange={onChange} withCode nameRequired={false} />
      {errors.problem && <p role="alert" className={problemClass} data-testid="sku-problem">{errors.problem}</p>}
      <CatalogErrorMessage error={errors.remaining(add.error)} />
      <div className="flex items-center gap-3">
        <button type="submit" className={primaryButton} disabled={add.isPending} data-testid="sku-add-submit">{add.isPending ? t("saving") : t("addSkuSubmit")}</button>
        {add.isSuccess && <span role="status" className="text-sm text-green-700" data-testid="sku-added">{t("skuAdded", { code: add.data.code })}</span>}
      </div>
    </form>
  );
}
