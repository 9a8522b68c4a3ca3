"use client";
/**
 * "Where would this order ship from?" — destination UF and SKU lines through
 * stock.dryRunAllocation (the real allocate() on current availability;
 * nothing is reserved). Shows the shipments, backorders and the reasons.
 */
import { useQuery } from "@tanstack/react-query";
import { useFormatter, useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { useTRPC } from "@/components/providers/trpc";
import { AllocationReasonText } from "@/components/ui/allocation-reason-text";
import { ErrorMessage } from "@/components/ui/error-message";
import { BRAZIL_UFS } from "@/server/services/stock/brazil-regions";

interface Line { sku: string; quantity: string }
type Split = "default" | "yes" | "no";
interface DryRunInput { destinationState: string; lines: { sku: string; quantity: number }[]; allowSplit?: boolean }

const field = "mt-1 block w-full rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm";

export function DryRunAllocationForm({ defaultSku }: { defaultSku?: string }) {
  const t = useTranslations("stock.dryRun");
  const format = useFormatter();
  const trpc = useTRPC();
  const [destination, setDestination] = useState("BA");
  const [lines, setLines] = useState<Line[]>([{ sku: defaultSku ?? "", quantity: "1" }]);
  const [split, setSplit] = useState<Split>("default");
  const [input, setInput] = useState<DryRunInput | null>(null);
  const run = useQuery(trpc.stock.dryRunAllocation.queryOptions(input ?? { destinationState: "SP", lines: [{ sku: "-", quantity: 1 }] }, { enabled: input !== null, staleTime: 0 }));

  function setLine(i: number, patch: Partial<Line>) {
    setLines((prev) => prev.map((l, j) => (j === i ? { ...l, ...patch } : l)));
  }
  function onSubmit(e: FormEvent) {
    e.preventDefault();
    const valid = lines.map((l) => ({ sku: l.sku.trim(), quantity: Number(l.quantity) })).filter((l) => l.sku !== "" && Number.isInteger(l.quantity) && l.quantity > 0);
    if (valid.length === 0) return;
    setInput({ destinationState: destination, lines: valid, ...(split === "default" ? {} : { allowSplit: split === "yes" }) });
  }

  const result = input ? run.data : undefined;
  const code = (id: string) => result?.warehouses.find((w) => w.id === id)?.code ?? id;
  const n = (v: number) => format.number(v, { maximumFractionDigits: 0 });

  return (
    <div className="space-y-4" data-testid="dry-run">
      <p className="text-sm text-slate-500">{t("help")}</p>
      <form onSubmit={onSubmit} className="space-y-3">
        <div className="flex flex-wrap items-end gap-3">
          <label className="text-xs font-medium text-slate-600">
            {t("destination")}
            <select className={field} value={destination} onChange={(e) => setDestination(e.target.value)} data-testid="dry-run-state">
              {BRAZIL_UFS.map((uf) => <option key={uf} value={uf}>{uf}</option>)}
            </select>
          </label>
          <label className="text-xs font-medium text-slate-600">
            {t("split")}
            <select className={field} value={split} onChange={(e) => setSplit(e.target.value as Split)} data-testid="dry-run-split">
              <option value="default">{t("splitDefault")}</option>
              <option value="yes">{t("splitYes")}</option>
              <option value="no">{t("splitNo")}</option>
            </select>
          </label>
        </div>
        {lines.map((l, i) => (
          <div key={i} className="flex flex-wrap items-end gap-2" data-testid="dry-run-line">
            <label className="text-xs font-medium text-slate-600">
              {t("sku")}
              <input className={`${field} font-mono`} value={l.sku} maxLength={100} required onChange={(e) => setLine(i, { sku: e.target.value })} data-testid={`dry-run-sku-${i}`} />
            </label>
            <label className="w-24 text-xs font-medium text-slate-600">
              {t("quantity")}
              <input type="number" min={1} step={1} className={field} value={l.quantity} required onChange={(e) => setLine(i, { quantity: e.target.value })} data-testid={`dry-run-qty-${i}`} />
            </label>
            {lines.length > 1 && (
              <button type="button" className="pb-2 text-sm text-red-600 hover:underline" onClick={() => setLines((prev) => prev.filter((_, j) => j !== i))}>
                {t("removeLine", { index: i + 1 })}
              </button>
            )}
          </div>
        ))}
        <div className="flex gap-2">
          {lines.length < 100 && (
            <button type="button" className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm hover:bg-slate-100" onClick={() => setLines((prev) => [...prev, { sku: "", quantity: "1" }])}>
              {t("addLine")}
            </button>
          )}
          <button type="submit" className="rounded-md bg-brand-600 px-4 py-1.5 text-sm text-white hover:bg-brand-700 disabled:opacity-60" disabled={run.isFetching} data-testid="dry-run-submit">
            {run.isFetching ? t("running") : t("run")}
          </button>
        </div>
      </form>
      <ErrorMessage error={input ? run.error : null} />
      {result && (
        <div className="space-y-3 rounded-lg bg-slate-50 p-4" data-testid="dry-run-result">
          {result.shipments.length === 0 && <p className="text-sm font-medium text-red-700">{t("nothingShips")}</p>}
          {result.shipments.map((s) => (
            <div key={s.warehouseId} data-testid="dry-run-shipment" data-warehouse={code(s.warehouseId)}>
              <h3 className="text-sm font-semibold">{t("shipsFrom", { warehouse: code(s.warehouseId) })}</h3>
              <ul className="text-sm text-slate-700">{s.lines.map((l, i) => <li key={i} className="font-mono">{t("line", { sku: l.sku, quantity: n(l.quantity) })}</li>)}</ul>
            </div>
          ))}
          {result.backordered.length > 0 && (
            <div data-testid="dry-run-backordered">
              <h3 className="text-sm font-semibold text-orange-800">{t("backordered")}</h3>
              <ul className="text-sm">{result.backordered.map((l, i) => <li key={i} className="font-mono">{t("line", { sku: l.sku, quantity: n(l.quantity) })}</li>)}</ul>
            </div>
          )}
          {result.unknownSkus.length > 0 && <p className="text-sm text-amber-800" data-testid="dry-run-unknown">{t("unknownSkus", { codes: result.unknownSkus.join(", ") })}</p>}
          <p className="text-xs text-slate-500">{result.allowSplit ? t("splitAllowed") : t("splitNotAllowed")}</p>
          <div>
            <h3 className="text-sm font-semibold">{t("reasons")}</h3>
            <ul className="list-disc space-y-1 pl-5">{result.reasons.map((r, i) => <AllocationReasonText key={i} reason={r} />)}</ul>
          </div>
          <div>
            <h3 className="text-sm font-semibold">{t("availability")}</h3>
            <ul className="text-sm text-slate-700">
              {result.warehouses.map((w) => (
                <li key={w.id}>
                  <span className="font-medium">{w.code}</span> ({w.state}): {Object.entries(w.available).map(([sku, q]) => `${sku} ${n(q)}`).join(", ") || "0"}
                </li>
              ))}
            </ul>
          </div>
        </div>
      )}
    </div>
  );
}
