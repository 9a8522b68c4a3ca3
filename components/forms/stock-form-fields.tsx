"use client";
/** Pieces shared by the SKU page's stock forms (count, transfer, unavailable): bin choice, reason, outcome. */
import { useFormatter, useTranslations } from "next-intl";
import { useState } from "react";
import { binGroups, MANY_BINS, searchBins, type BinOption, type WarehouseOption } from "@/components/forms/stock-bin-options";

export type { BinOption } from "@/components/forms/stock-bin-options";

export const fieldClass = "mt-1 block w-full rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm";
export const submitClass = "rounded-md bg-brand-600 px-4 py-2 text-sm text-white hover:bg-brand-700 disabled:opacity-60";

/**
 * A bin choice. A long list (more than MANY_BINS) gets a search box over bin and zone codes and zone groups;
 * `heldFirst` puts the bins holding this SKU in their own group ahead of the zones.
 */
export function BinSelect(props: { label: string; bins: BinOption[]; value: string; onChange: (binId: string) => void; testId: string; heldFirst?: boolean }) {
  const t = useTranslations("stock.forms");
  const format = useFormatter();
  const [query, setQuery] = useState("");
  const n = (v: number) => format.number(v, { maximumFractionDigits: 0 });
  const many = props.bins.length > MANY_BINS;
  const shown = many ? searchBins(props.bins, query, props.value) : props.bins;
  const option = (b: BinOption) => (
    <option key={b.binId} value={b.binId}>
      {b.onHand > 0 || b.unavailable > 0
        ? t("binLevel", { warehouse: b.warehouseCode, bin: b.code, onHand: n(b.onHand), unavailable: n(b.unavailable) })
        : t("binEmpty", { warehouse: b.warehouseCode, bin: b.code })}
    </option>
  );
  return (
    <div className="space-y-1">
      {many && (
        <label className="block text-xs text-slate-500">
          <span className="sr-only">{t("binSearch")}</span>
          <input
            type="search"
            className={fieldClass}
            value={query}
            placeholder={t("binSearchPlaceholder", { count: props.bins.length })}
            aria-label={t("binSearch")}
            onChange={(e) => setQuery(e.target.value)}
            data-testid={`${props.testId}-search`}
          />
          {shown.length === 0 && <span className="mt-0.5 block" data-testid={`${props.testId}-none`}>{t("binSearchNone")}</span>}
        </label>
      )}
      <label className="block text-xs font-medium text-slate-600">
        {props.label}
        <select className={fieldClass} value={props.value} required onChange={(e) => props.onChange(e.target.value)} data-testid={props.testId}>
          <option value="">{t("chooseBin")}</option>
          {many
            ? binGroups(shown, props.heldFirst ?? false).map((g) => (
                <optgroup key={g.zone === null ? "held" : `zone:${g.zone}`} label={g.zone === null ? t("binsWithSku") : t("zone", { zone: g.zone })}>
                  {g.bins.map(option)}
                </optgroup>
              ))
            : shown.map(option)}
        </select>
      </label>
    </div>
  );
}

/** A warehouse choice (code and name) for the forms that pick a bin inside one warehouse. */
export function WarehouseSelect(props: { label: string; warehouses: readonly WarehouseOption[]; value: string; onChange: (id: string) => void; testId: string }) {
  return (
    <label className="block text-xs font-medium text-slate-600">
      {props.label}
      <select className={fieldClass} value={props.value} required onChange={(e) => props.onChange(e.target.value)} data-testid={props.testId}>
        {props.warehouses.map((w) => (
          <option key={w.id} value={w.id}>{`${w.code} · ${w.name}`}</option>
        ))}
      </select>
    </label>
  );
}

/** A required reason; `help` says where it is kept (the stock ledger by default). */
export function ReasonField({ value, onChange, testId, help }: { value: string; onChange: (v: string) => void; testId: string; help?: string }) {
  const t = useTranslations("stock.forms");
  return (
    <label className="block text-xs font-medium text-slate-600">
      {t("reason")}
      <input className={fieldClass} value={value} required minLength={3} maxLength={500} onChange={(e) => onChange(e.target.value)} data-testid={testId} />
      <span className="mt-0.5 block font-normal text-slate-400">{help ?? t("reasonHelp")}</span>
    </label>
  );
}

/** What a successful stock change wrote, and any backorders it filled. */
export function StockChangeDone({ result, testId }: { result: { changes: unknown[]; backorderUnitsFilled: number; ordersAllocated: number } | undefined; testId: string }) {
  const t = useTranslations("stock.forms");
  if (!result) return null;
  return (
    <p role="status" className="text-sm text-green-700" data-testid={testId}>
      {t("done", { changes: result.changes.length })}
      {result.backorderUnitsFilled > 0 && ` ${t("refilled", { units: result.backorderUnitsFilled, orders: result.ordersAllocated })}`}
    </p>
  );
}

/** Whole numbers only; NaN when the text is not one. */
export function parseIntStrict(text: string): number {
  return /^[-−]?\d+$/.test(text.trim()) ? Number(text.trim().replace("−", "-")) : NaN;
}
