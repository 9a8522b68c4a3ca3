"use client";
/** Safety stock per warehouse and the SKU's reorder point, each with a reason (stock.setSafetyStock / stock.setReorderPoint). */
import { useMutation } from "@tanstack/react-query";
import { useFormatter, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { useTRPC } from "@/components/providers/trpc";
import { ErrorMessage } from "@/components/ui/error-message";
import { fieldClass, parseIntStrict, ReasonField, submitClass } from "@/components/forms/stock-form-fields";

export interface ThresholdWarehouse {
  id: string;
  code: string;
  name: string;
  /** This SKU's safety stock there now. */
  safety: number;
}

type Result = { from: number; to: number; backorderUnitsFilled: number; ordersAllocated: number };

/** The units field, the reason, the button and the outcome of one threshold form. */
function ThresholdFields(props: {
  label: string; value: string; onChange: (v: string) => void; reason: string; onReason: (v: string) => void; submit: string;
  mutation: { isPending: boolean; data: Result | undefined; error: Parameters<typeof ErrorMessage>[0]["error"] };
  testIds: { value: string; reason: string; submit: string; done: string };
}) {
  const t = useTranslations("stock.forms");
  const { mutation: m, testIds: ids } = props;
  return (
    <>
      <label className="block text-xs font-medium text-slate-600">
        {props.label}
        <input type="number" min={0} step={1} className={fieldClass} value={props.value} required onChange={(e) => props.onChange(e.target.value)} data-testid={ids.value} />
      </label>
      <ReasonField value={props.reason} onChange={props.onReason} testId={ids.reason} help={t("thresholds.reasonHelp")} />
      <button type="submit" className={submitClass} disabled={m.isPending} data-testid={ids.submit}>
        {m.isPending ? t("saving") : props.submit}
      </button>
      <ThresholdDone result={m.data} testId={ids.done} />
      <ErrorMessage error={m.error} scope="stock.errors" />
    </>
  );
}

function ThresholdDone({ result, testId }: { result: Result | undefined; testId: string }) {
  const t = useTranslations("stock.forms");
  const format = useFormatter();
  if (!result) return null;
  return (
    <p role="status" className="text-sm text-green-700" data-testid={testId}>
      {t("thresholds.done", { from: format.number(result.from), to: format.number(result.to) })}
      {result.backorderUnitsFilled > 0 && ` ${t("refilled", { units: result.backorderUnitsFilled, orders: result.ordersAllocated })}`}
    </p>
  );
}

export function StockThresholdsForm({ skuId, reorderPoint, warehouses }: { skuId: string; reorderPoint: number; warehouses: ThresholdWarehouse[] }) {
  const t = useTranslations("stock.forms");
  const trpc = useTRPC();
  const router = useRouter();
  const [warehouseId, setWarehouseId] = useState("");
  const [safety, setSafety] = useState("");
  const [safetyReason, setSafetyReason] = useState("");
  const [point, setPoint] = useState(String(reorderPoint));
  const [pointReason, setPointReason] = useState("");
  const done = () => router.refresh();
  const saveSafety = useMutation(trpc.stock.setSafetyStock.mutationOptions({ onSuccess: () => { setSafetyReason(""); done(); } }));
  const savePoint = useMutation(trpc.stock.setReorderPoint.mutationOptions({ onSuccess: () => { setPointReason(""); done(); } }));

  function onSafety(e: FormEvent) {
    e.preventDefault();
    saveSafety.reset();
    const value = parseIntStrict(safety);
    if (!warehouseId || !(value >= 0)) return;
    saveSafety.mutate({ skuId, warehouseId, safety: value, reason: safetyReason });
  }
  function onPoint(e: FormEvent) {
    e.preventDefault();
    savePoint.reset();
    const value = parseIntStrict(point);
    if (!(value >= 0)) return;
    savePoint.mutate({ skuId, reorderPoint: value, reason: pointReason });
  }

  return (
    <div className="grid gap-6 lg:grid-cols-2" data-testid="stock-thresholds">
      <form onSubmit={onSafety} className="space-y-3" data-testid="safety-form">
        <h3 className="font-medium">{t("thresholds.safetyTitle")}</h3>
        <p className="text-xs text-slate-500">{t("thresholds.safetyHelp")}</p>
        <label className="block text-xs font-medium text-slate-600">
          {t("thresholds.warehouse")}
          <select
            className={fieldClass}
            value={warehouseId}
            required
            onChange={(e) => {
              setWarehouseId(e.target.value);
              setSafety(String(warehouses.find((w) => w.id === e.target.value)?.safety ?? ""));
            }}
            data-testid="safety-warehouse"
          >
            <option value="">{t("thresholds.chooseWarehouse")}</option>
            {warehouses.map((w) => (
              <option key={w.id} value={w.id}>{t("thresholds.warehouseOption", { code: w.code, name: w.name, safety: w.safety })}</option>
            ))}
          </select>
        </label>
        <ThresholdFields
          label={t("thresholds.safety")} value={safety} onChange={setSafety} reason={safetyReason} onReason={setSafetyReason}
          submit={t("thresholds.safetySubmit")} mutation={saveSafety} testIds={{ value: "safety-quantity", reason: "safety-reason", submit: "safety-submit", done: "safety-done" }}
        />
      </form>
      <form onSubmit={onPoint} className="space-y-3" data-testid="reorder-point-form">
        <h3 className="font-medium">{t("thresholds.reorderTitle")}</h3>
        <p className="text-xs text-slate-500">{t("thresholds.reorderHelp")}</p>
        <ThresholdFields
          label={t("thresholds.reorderPoint")} value={point} onChange={setPoint} reason={pointReason} onReason={setPointReason}
          submit={t("thresholds.reorderSubmit")} mutation={savePoint} testIds={{ value: "reorder-point", reason: "reorder-reason", submit: "reorder-submit", done: "reorder-done" }}
        />
      </form>
    </div>
  );
}
