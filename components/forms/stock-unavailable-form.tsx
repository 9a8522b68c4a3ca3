"use client";
/** Mark units of a bin damaged / quarantined / held for QC, or clear units of one kind back to sale, with a reason (stock.setUnavailable). */
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { useTRPC } from "@/components/providers/trpc";
import { ErrorMessage } from "@/components/ui/error-message";
import { BinSelect, fieldClass, parseIntStrict, ReasonField, StockChangeDone, submitClass, type BinOption } from "@/components/forms/stock-form-fields";
import { UNAVAILABLE_KINDS } from "@/server/services/stock/stock-statuses";

type Direction = "TO_UNAVAILABLE" | "FROM_UNAVAILABLE";
type Kind = (typeof UNAVAILABLE_KINDS)[number];
const COLUMN = { DAMAGED: "damaged", QUARANTINE: "quarantine", QC: "qc" } as const satisfies Record<Kind, keyof BinOption>;

export function StockUnavailableForm({ skuId, bins }: { skuId: string; bins: BinOption[] }) {
  const t = useTranslations("stock.forms");
  const tKind = useTranslations("stock.unavailableKind");
  const trpc = useTRPC();
  const router = useRouter();
  const [direction, setDirection] = useState<Direction>("TO_UNAVAILABLE");
  const [kind, setKind] = useState<Kind>("DAMAGED");
  const candidates = bins.filter((b) => (direction === "TO_UNAVAILABLE" ? b.onHand > b.unavailable : b[COLUMN[kind]] > 0));
  const [binId, setBinId] = useState("");
  const [quantity, setQuantity] = useState("");
  const [reason, setReason] = useState("");
  const mark = useMutation(
    trpc.stock.setUnavailable.mutationOptions({
      onSuccess: () => {
        setQuantity("");
        setReason("");
        router.refresh();
      },
    }),
  );

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    mark.reset();
    const value = parseIntStrict(quantity);
    if (!binId || !(value > 0)) return;
    mark.mutate({ skuId, binId, quantity: value, direction, kind, reason });
  }

  return (
    <form onSubmit={onSubmit} className="space-y-3" data-testid="stock-unavailable-form">
      <h3 className="font-medium">{t("unavailable.title")}</h3>
      <fieldset className="flex flex-wrap gap-4 text-sm">
        <legend className="sr-only">{t("unavailable.direction")}</legend>
        {(["TO_UNAVAILABLE", "FROM_UNAVAILABLE"] as const).map((d) => (
          <label key={d} className="flex items-center gap-1.5">
            <input type="radio" name="unavailable-direction" value={d} checked={direction === d} onChange={() => { setDirection(d); setBinId(""); }} data-testid={`unavailable-${d}`} />
            {t(`unavailable.${d}`)}
          </label>
        ))}
      </fieldset>
      <label className="block text-xs font-medium text-slate-600">
        {t("unavailable.kind")}
        <select className={fieldClass} value={kind} onChange={(e) => { setKind(e.target.value as Kind); setBinId(""); }} data-testid="unavailable-kind">
          {UNAVAILABLE_KINDS.map((k) => <option key={k} value={k}>{tKind(k)}</option>)}
        </select>
      </label>
      <BinSelect label={t("bin")} bins={candidates} value={binId} onChange={setBinId} testId="unavailable-bin" />
      <label className="block text-xs font-medium text-slate-600">
        {t("quantity")}
        <input type="number" min={1} step={1} className={fieldClass} value={quantity} required onChange={(e) => setQuantity(e.target.value)} data-testid="unavailable-quantity" />
      </label>
      <ReasonField value={reason} onChange={setReason} testId="unavailable-reason" />
      <button type="submit" className={submitClass} disabled={mark.isPending} data-testid="unavailable-submit">
        {mark.isPending ? t("saving") : t("unavailable.submit")}
      </button>
      <StockChangeDone result={mark.data} testId="unavailable-done" />
      <ErrorMessage error={mark.error} scope="stock.errors" />
    </form>
  );
}
