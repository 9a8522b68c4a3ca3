"use client";
/**
 * Cycle count (counted quantity) or correction (± delta) of one bin, with a required reason (stock.adjust). The
 * warehouse comes first, then one of its bins: those holding the SKU first, then the rest in walking-path order.
 */
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { useTRPC } from "@/components/providers/trpc";
import { ErrorMessage } from "@/components/ui/error-message";
import { adjustBins, defaultAdjustWarehouse, holdsSku, type WarehouseOption } from "@/components/forms/stock-bin-options";
import { BinSelect, fieldClass, parseIntStrict, ReasonField, StockChangeDone, submitClass, WarehouseSelect } from "@/components/forms/stock-form-fields";

type Mode = "SET" | "DELTA";

export function StockAdjustForm({ skuId, warehouses }: { skuId: string; warehouses: WarehouseOption[] }) {
  const t = useTranslations("stock.forms");
  const trpc = useTRPC();
  const router = useRouter();
  const [mode, setMode] = useState<Mode>("DELTA");
  const [warehouseId, setWarehouseId] = useState(() => defaultAdjustWarehouse(warehouses));
  const bins = adjustBins(warehouses.find((w) => w.id === warehouseId));
  const firstBin = (list: typeof bins) => list.find(holdsSku)?.binId ?? list[0]?.binId ?? "";
  const [binId, setBinId] = useState(() => firstBin(bins));
  const [quantity, setQuantity] = useState("");
  const [reason, setReason] = useState("");
  const adjust = useMutation(
    trpc.stock.adjust.mutationOptions({
      onSuccess: () => {
        setQuantity("");
        setReason("");
        router.refresh();
      },
    }),
  );

  // A change of 0 changes nothing: the button waits for another number (the server refuses it too).
  const zeroDelta = mode === "DELTA" && parseIntStrict(quantity) === 0;

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    adjust.reset();
    const value = parseIntStrict(quantity);
    if (!binId || Number.isNaN(value) || zeroDelta) return;
    adjust.mutate(mode === "SET" ? { mode, skuId, warehouseId, binId, counted: value, reason } : { mode, skuId, warehouseId, binId, delta: value, reason });
  }

  function chooseWarehouse(id: string) {
    setWarehouseId(id);
    setBinId(firstBin(adjustBins(warehouses.find((w) => w.id === id))));
  }

  return (
    <form onSubmit={onSubmit} className="space-y-3" data-testid="stock-adjust-form">
      <h3 className="font-medium">{t("adjust.title")}</h3>
      <fieldset className="flex gap-4 text-sm">
        <legend className="sr-only">{t("adjust.mode")}</legend>
        {(["DELTA", "SET"] as const).map((m) => (
          <label key={m} className="flex items-center gap-1.5">
            <input type="radio" name="adjust-mode" value={m} checked={mode === m} onChange={() => setMode(m)} data-testid={`adjust-mode-${m}`} />
            {t(`adjust.${m}`)}
          </label>
        ))}
      </fieldset>
      <WarehouseSelect label={t("warehouse")} warehouses={warehouses} value={warehouseId} onChange={chooseWarehouse} testId="adjust-warehouse" />
      <BinSelect label={t("bin")} bins={bins} value={binId} onChange={setBinId} testId="adjust-bin" heldFirst />
      <label className="block text-xs font-medium text-slate-600">
        {mode === "SET" ? t("adjust.counted") : t("adjust.delta")}
        <input
          type="number"
          step={1}
          {...(mode === "SET" ? { min: 0 } : {})}
          className={fieldClass}
          value={quantity}
          required
          onChange={(e) => setQuantity(e.target.value)}
          aria-invalid={zeroDelta || undefined}
          data-testid="adjust-quantity"
        />
        {zeroDelta && <span className="mt-0.5 block font-normal text-amber-700" data-testid="adjust-delta-zero">{t("adjust.deltaZero")}</span>}
      </label>
      <ReasonField value={reason} onChange={setReason} testId="adjust-reason" />
      <button type="submit" className={submitClass} disabled={adjust.isPending || zeroDelta} data-testid="adjust-submit">
        {adjust.isPending ? t("saving") : t("adjust.submit")}
      </button>
      <StockChangeDone result={adjust.data} testId="adjust-done" />
      <ErrorMessage error={adjust.error} scope="stock.errors" />
    </form>
  );
}
