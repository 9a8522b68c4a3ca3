"use client";
/**
 * Move sellable units of one SKU from a bin to another (same or other warehouse), with a reason (stock.transfer).
 * "From" offers only the bins holding sellable units of the SKU; "to" the bins of the destination warehouse,
 * which starts as the source's.
 */
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { useTRPC } from "@/components/providers/trpc";
import { ErrorMessage } from "@/components/ui/error-message";
import { transferSources, transferTargets, type WarehouseOption } from "@/components/forms/stock-bin-options";
import { BinSelect, fieldClass, parseIntStrict, ReasonField, StockChangeDone, submitClass, WarehouseSelect } from "@/components/forms/stock-form-fields";

export function StockTransferForm({ skuId, warehouses }: { skuId: string; warehouses: WarehouseOption[] }) {
  const t = useTranslations("stock.forms");
  const trpc = useTRPC();
  const router = useRouter();
  const sources = transferSources(warehouses);
  const [chosenFrom, setFromBin] = useState(sources[0]?.binId ?? "");
  // A bin emptied by the last transfer is no longer a source (the page refreshes): fall back to the first one left.
  const fromBinId = sources.some((b) => b.binId === chosenFrom) ? chosenFrom : (sources[0]?.binId ?? "");
  const [toWarehouseId, setToWarehouseId] = useState(sources[0]?.warehouseId ?? warehouses[0]?.id ?? "");
  const [toBinId, setTo] = useState("");
  const targets = transferTargets(warehouses.find((w) => w.id === toWarehouseId), fromBinId);
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
    transfer.mutate({ skuId, fromBinId, toWarehouseId, toBinId, quantity: value, reason });
  }

  // A new source moves the destination to its warehouse (the usual re-slot); another warehouse stays choosable.
  function chooseSource(id: string) {
    setFromBin(id);
    const wh = sources.find((b) => b.binId === id)?.warehouseId;
    if (wh && wh !== toWarehouseId) {
      setToWarehouseId(wh);
      setTo("");
    } else if (id === toBinId) setTo("");
  }

  function chooseWarehouse(id: string) {
    setToWarehouseId(id);
    setTo("");
  }

  return (
    <form onSubmit={onSubmit} className="space-y-3" data-testid="stock-transfer-form">
      <h3 className="font-medium">{t("transfer.title")}</h3>
      {sources.length === 0 && <p className="text-sm text-slate-500" data-testid="transfer-no-source">{t("transfer.noSource")}</p>}
      <BinSelect label={t("transfer.from")} bins={sources} value={fromBinId} onChange={chooseSource} testId="transfer-from" />
      <WarehouseSelect label={t("transfer.toWarehouse")} warehouses={warehouses} value={toWarehouseId} onChange={chooseWarehouse} testId="transfer-to-warehouse" />
      <BinSelect label={t("transfer.to")} bins={targets} value={toBinId} onChange={setTo} testId="transfer-to" heldFirst />
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
