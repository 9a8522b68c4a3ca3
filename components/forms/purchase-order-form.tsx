"use client";
/**
 * New purchase order: supplier, receiving warehouse, expected date and lines
 * (SKU, quantity, unit cost). Costs are typed as people write them ("12,90",
 * "1.234,56", "12.90") and converted to exact integer cents, never floats.
 * An expected date before the merchant's today is refused by the server; the
 * refusal is shown under the date field.
 */
import { useMutation } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { PoSkuSearch, type PoSku } from "@/components/forms/po-sku-search";
import { useTRPC } from "@/components/providers/trpc";
import { ErrorMessage } from "@/components/ui/error-message";
import { formatMoney } from "@/components/ui/format";
import { parseBrazilianOrDotDecimal } from "@/server/lib/money";

interface Line extends PoSku {
  quantity: string;
  cost: string;
}

const field = "mt-1 w-full rounded-md border border-slate-300 px-3 py-2 text-sm";

/** Cents, or null when the text is not an amount (empty = no cost given). */
export function costCents(text: string): number | null | undefined {
  if (text.trim() === "") return undefined;
  try {
    const cents = parseBrazilianOrDotDecimal(text);
    return cents >= 0 ? cents : null;
  } catch {
    return null;
  }
}

export function PurchaseOrderForm({ warehouses, currency }: { warehouses: { id: string; code: string; name: string }[]; currency: string }) {
  const t = useTranslations("purchasing.new");
  const locale = useLocale();
  const trpc = useTRPC();
  const router = useRouter();
  const [supplier, setSupplier] = useState("");
  const [warehouseId, setWarehouseId] = useState(warehouses[0]?.id ?? "");
  const [expected, setExpected] = useState("");
  const [lines, setLines] = useState<Line[]>([]);
  const [problem, setProblem] = useState<string | null>(null);
  const create = useMutation(trpc.stock.createPurchaseOrder.mutationOptions({ onSuccess: (po) => router.push(`/stock/purchase-orders/${po.id}`) }));

  const setLine = (i: number, patch: Partial<Line>) => setLines((ls) => ls.map((l, j) => (j === i ? { ...l, ...patch } : l)));
  const lineTotal = (l: Line) => {
    const c = costCents(l.cost);
    const q = Number(l.quantity);
    return typeof c === "number" && Number.isSafeInteger(q) && q > 0 ? c * q : null;
  };
  const totals = lines.map(lineTotal);
  const total = totals.every((x) => x !== null) && lines.length > 0 ? totals.reduce<number>((n, x) => n + (x ?? 0), 0) : null;
  const dateError = create.error?.data?.params?.field === "expectedAt" ? create.error : null;

  function pick(sku: PoSku) {
    if (lines.some((l) => l.skuId === sku.skuId)) {
      setProblem(t("alreadyAdded", { sku: sku.code }));
      return;
    }
    setProblem(null);
    setLines((ls) => [...ls, { ...sku, quantity: "1", cost: "" }]);
  }

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    create.reset();
    if (lines.length === 0) return setProblem(t("noLines"));
    const bad = lines.find((l) => costCents(l.cost) === null);
    if (bad) return setProblem(t("invalidCost", { sku: bad.code }));
    setProblem(null);
    create.mutate({
      supplier,
      warehouseId,
      ...(expected ? { expectedAt: new Date(`${expected}T12:00:00Z`) } : {}),
      lines: lines.map((l) => {
        const c = costCents(l.cost);
        return { skuId: l.skuId, quantity: Number(l.quantity), ...(typeof c === "number" ? { unitCostCents: c } : {}) };
      }),
    });
  }

  return (
    <form onSubmit={onSubmit} className="space-y-5 rounded-xl border border-slate-200 bg-white p-5" data-testid="po-form">
      <div className="grid gap-4 sm:grid-cols-3">
        <label className="block">
          <span className="text-sm font-medium">{t("supplier")}</span>
          <input className={field} value={supplier} required maxLength={200} onChange={(e) => setSupplier(e.target.value)} data-testid="po-supplier" />
        </label>
        <label className="block">
          <span className="text-sm font-medium">{t("warehouse")}</span>
          <select className={field} value={warehouseId} required onChange={(e) => setWarehouseId(e.target.value)} data-testid="po-warehouse">
            {warehouses.map((w) => (
              <option key={w.id} value={w.id}>{w.code} — {w.name}</option>
            ))}
          </select>
        </label>
        <label className="block">
          <span className="text-sm font-medium">{t("expected")}</span>
          <input
            type="date"
            className={field}
            value={expected}
            onChange={(e) => { if (dateError) create.reset(); setExpected(e.target.value); }}
            aria-invalid={dateError ? true : undefined}
            data-testid="po-expected"
          />
          <span className="mt-1 block" data-testid="po-expected-error"><ErrorMessage error={dateError} scope="stock.errors" /></span>
        </label>
      </div>
      <PoSkuSearch warehouseId={warehouseId} onPick={pick} />
      <table className="w-full text-sm" data-testid="po-lines">
        <thead className="text-left text-xs uppercase tracking-wide text-slate-500">
          <tr>
            <th className="py-2">{t("sku")}</th>
            <th className="w-28 py-2">{t("quantity")}</th>
            <th className="w-36 py-2">{t("unitCost")}</th>
            <th className="py-2 text-right">{t("lineTotal")}</th>
            <th />
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {lines.map((l, i) => (
            <tr key={l.skuId} data-testid="po-line" data-sku={l.code}>
              <td className="py-2"><span className="whitespace-nowrap font-mono">{l.code}</span> <span className="text-slate-500">— {l.name}</span></td>
              <td className="py-2 pr-2">
                <input type="number" min={1} max={1000000} step={1} required className={field} value={l.quantity} onChange={(e) => setLine(i, { quantity: e.target.value })} aria-label={t("quantity")} data-testid="po-line-quantity" />
              </td>
              <td className="py-2 pr-2">
                <input inputMode="decimal" className={field} value={l.cost} placeholder={t("unitCostHelp")} onChange={(e) => setLine(i, { cost: e.target.value })} aria-label={t("unitCost")} data-testid="po-line-cost" />
              </td>
              <td className="py-2 text-right tabular-nums">{totals[i] !== null && totals[i] !== undefined ? formatMoney(totals[i], currency, locale) : "—"}</td>
              <td className="py-2 text-right">
                <button type="button" className="text-xs text-red-700 hover:underline" onClick={() => setLines((ls) => ls.filter((_, j) => j !== i))}>{t("remove")}</button>
              </td>
            </tr>
          ))}
        </tbody>
        {total !== null && (
          <tfoot>
            <tr>
              <td colSpan={3} className="py-2 text-right font-medium">{t("total")}</td>
              <td className="py-2 text-right font-medium tabular-nums" data-testid="po-total">{formatMoney(total, currency, locale)}</td>
              <td />
            </tr>
          </tfoot>
        )}
      </table>
      {problem && <p role="status" className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-800" data-testid="po-problem">{problem}</p>}
      {!dateError && <ErrorMessage error={create.error} scope="stock.errors" />}
      <button type="submit" disabled={create.isPending} className="rounded-md bg-brand-600 px-4 py-2 text-sm text-white hover:bg-brand-700 disabled:opacity-50" data-testid="po-submit">
        {create.isPending ? t("submitting") : t("submit")}
      </button>
    </form>
  );
}
