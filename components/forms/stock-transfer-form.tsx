"use client";
/** Move sellable units of one SKU from a bin to another (same or other warehouse), with a reason (stock.transfer). */
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { useTRPC } from "@/components/providers/trpc";
import { ErrorMessage } from "@/components/ui/error-message";
import { BinSelect, fieldClass, parseIntStrict, ReasonField, StockChangeDone, submitClass, type BinOption } from "@/components/forms/stock-form-fields";

export function StockTransferForm({ skuId, bins }: { skuId: string; bins: BinOption[] }) {
  const t = useTranslations("stock.forms");
  const trpc = useTRPC();
  const router = useRouter();
  const sources = bins.filter((b) => b.onHand > 0);
  const [fromBinId, setFrom] = useState(sources[0]?.binId ?? "");
  const [toBinId, setTo] = useState("");
  const [quantity, setQuantity] = useState("");
  const [reason, setReason] = useState("");
  const transfer = useMutation(
    trpc.stock.transfer.mutationOptions({
      onSuccess: () => {
        setQuantity("");
        setReason("");
        router.refresh();
      },
    }),
  );

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    transfer.reset();
    const value = parseIntStrict(quantity);
    if (!fromBinId || !toBinId || !(value > 0)) return;
    transfer.mutate({ skuId, fromBinId, toBinId, quantity: value, reason });
  }

  return (
    <form onSubmit={onSubmit} className="space-y-3" data-testid="stock-transfer-form">
      <h3 className="font-medium">{t("transfer.title")}</h3>
      <BinSelect label={t("transfer.from")} bins={sources} value={fromBinId} onChange={setFrom} testId="transfer-from" />
      <BinSelect label={t("transfer.to")} bins={bins.filter((b) => b.binId !== fromBinId)} value={toBinId} onChange={setTo} testId="transfer-to" />
      <label className="block text-xs font-medium text-slate-600">
        {t("quantity")}
        <input type="number" min={1} step={1} className={fieldClass} value={quantity} required onChange={(e) => setQuantity(e.target.value)} data-testid="transfer-quantity" />
      </label>
      <ReasonField value={reason} onChange={setReason} testId="transfer-reason" />
      <button type="submit" className={submitClass} disabled={transfer.isPending || sources.length === 0} data-testid="transfer-submit">
        {transfer.isPending ? t("saving") : t("transfer.submit")}
      </button>
      <StockChangeDone result={transfer.data} testId="transfer-done" />
      <ErrorMessage error={transfer.error} scope="stock.errors" />
    </form>
  );
}
