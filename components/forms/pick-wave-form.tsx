"use client";
/**
 * "Create a wave": the rule (warehouse, due before, max orders/units, group
 * by) sent to picking.create; on success it links to the new list and says
 * which orders were left out and why.
 */
import { useMutation } from "@tanstack/react-query";
import { useTimeZone, useTranslations } from "next-intl";
import Link from "next/link";
import { useRouter, useSearchParams } from "next/navigation";
import { useState, type FormEvent } from "react";
import { useTRPC } from "@/components/providers/trpc";
import { ErrorMessage } from "@/components/ui/error-message";
import { PickSkipSummary } from "@/components/ui/pick-skip-summary";
import { zonedWallTimeToUtc } from "@/server/lib/zoned-time";

interface Props {
  warehouses: { id: string; code: string; name: string; waitingOrders: number }[];
  warehouseId: string;
}

const field = "mt-1 block w-full rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm";
/** The most a wave may take (the server's limits in create-pick-list.ts). */
const LIMITS = { maxOrders: 10_000, maxUnits: 10_000_000 } as const;
type LimitField = keyof typeof LIMITS;

/** An optional limit: empty is "no limit", a whole number 1…max is the limit, anything else is an error. */
function readLimit(value: string, max: number): { ok: true; value: number | undefined } | { ok: false } {
  const v = value.trim();
  if (v === "") return { ok: true, value: undefined };
  if (!/^\d+$/.test(v) || Number(v) < 1 || Number(v) > max) return { ok: false };
  return { ok: true, value: Number(v) };
}

/** A datetime-local value ("2026-11-28T18:00") read as the merchant's wall-clock time, not the browser's. */
function dueInstant(value: string, timeZone: string): Date | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(value);
  if (!m) return undefined;
  const [, y, mo, d, h, mi] = m.map(Number) as [number, number, number, number, number, number];
  return zonedWallTimeToUtc({ year: y, month: mo, day: d, hour: h, minute: mi, second: 0 }, timeZone);
}

export function PickWaveForm({ warehouses, warehouseId }: Props) {
  const t = useTranslations("picking.wave");
  const timeZone = useTimeZone() ?? "America/Sao_Paulo";
  const trpc = useTRPC();
  const router = useRouter();
  const searchParams = useSearchParams();
  const [wh, setWh] = useState(warehouseId);
  // The page's warehouse changed (a warehouse link): follow it, keeping the last result on screen.
  const [pageWarehouse, setPageWarehouse] = useState(warehouseId);
  if (warehouseId !== pageWarehouse) {
    setPageWarehouse(warehouseId);
    setWh(warehouseId);
  }
  const [dueBefore, setDueBefore] = useState("");
  const [maxOrders, setMaxOrders] = useState("");
  const [maxUnits, setMaxUnits] = useState("");
  const [groupBy, setGroupBy] = useState<"" | "carrier" | "channel">("");
  const [invalid, setInvalid] = useState<LimitField[]>([]);
  // Stay on the wave's warehouse: without ?wh the page shows the first one with waiting orders,
  // which the wave has just emptied.
  const create = useMutation(
    trpc.picking.create.mutationOptions({
      onSuccess: (data) => {
        const params = new URLSearchParams(searchParams.toString());
        params.set("wh", data.warehouseId);
        params.delete("cursor");
        const next = params.toString();
        if (next === searchParams.toString()) router.refresh();
        else router.replace(`/picking?${next}`, { scroll: false });
      },
    }),
  );

  function submit(e: FormEvent) {
    e.preventDefault();
    const due = dueInstant(dueBefore, timeZone);
    const orders = readLimit(maxOrders, LIMITS.maxOrders);
    const units = readLimit(maxUnits, LIMITS.maxUnits);
    const bad: LimitField[] = [...(orders.ok ? [] : ["maxOrders" as const]), ...(units.ok ? [] : ["maxUnits" as const])];
    setInvalid(bad);
    if (!orders.ok || !units.ok) return;
    create.mutate({
      mode: "wave",
      warehouseId: wh,
      ...(due ? { dueBefore: due } : {}),
      ...(orders.value ? { maxOrders: orders.value } : {}),
      ...(units.value ? { maxUnits: units.value } : {}),
      groupBy: groupBy || null,
    });
  }

  return (
    <form onSubmit={submit} className="space-y-3 rounded-xl border border-slate-200 bg-white p-4" data-testid="wave-form">
      <div>
        <h2 className="font-semibold">{t("title")}</h2>
        <p className="text-sm text-slate-500">{t("intro")}</p>
      </div>
      <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-5">
        <label className="lg:col-span-2">
          <span className="text-xs font-medium text-slate-600">{t("warehouse")}</span>
          <select value={wh} onChange={(e) => setWh(e.target.value)} className={field} name="warehouseId" data-testid="wave-warehouse">
            {warehouses.map((w) => (
              <option key={w.id} value={w.id}>{t("waiting", { code: w.code, name: w.name, count: w.waitingOrders })}</option>
            ))}
          </select>
        </label>
        <label>
          <span className="text-xs font-medium text-slate-600">{t("dueBefore")}</span>
          <input type="datetime-local" value={dueBefore} onChange={(e) => setDueBefore(e.target.value)} className={field} name="dueBefore" />
        </label>
        <label>
          <span className="text-xs font-medium text-slate-600">{t("maxOrders")}</span>
          <input inputMode="numeric" value={maxOrders} onChange={(e) => setMaxOrders(e.target.value)} className={field} name="maxOrders" data-testid="wave-max-orders"
            aria-invalid={invalid.includes("maxOrders")} aria-describedby={invalid.includes("maxOrders") ? "wave-max-orders-error" : undefined} />
          {invalid.includes("maxOrders") && (
            <span id="wave-max-orders-error" role="alert" className="mt-1 block text-xs text-red-700" data-testid="wave-max-orders-error">
              {t("limitInvalid", { max: LIMITS.maxOrders })}
            </span>
          )}
        </label>
        <label>
          <span className="text-xs font-medium text-slate-600">{t("maxUnits")}</span>
          <input inputMode="numeric" value={maxUnits} onChange={(e) => setMaxUnits(e.target.value)} className={field} name="maxUnits" data-testid="wave-max-units"
            aria-invalid={invalid.includes("maxUnits")} aria-describedby={invalid.includes("maxUnits") ? "wave-max-units-error" : undefined} />
          {invalid.includes("maxUnits") && (
            <span id="wave-max-units-error" role="alert" className="mt-1 block text-xs text-red-700" data-testid="wave-max-units-error">
              {t("limitInvalid", { max: LIMITS.maxUnits })}
            </span>
          )}
        </label>
        <label>
          <span className="text-xs font-medium text-slate-600">{t("groupBy")}</span>
          <select value={groupBy} onChange={(e) => setGroupBy(e.target.value as typeof groupBy)} className={field} name="groupBy">
            <option value="">{t("groupNone")}</option>
            <option value="carrier">{t("groupCarrier")}</option>
            <option value="channel">{t("groupChannel")}</option>
          </select>
        </label>
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <button type="submit" disabled={create.isPending || !wh} className="rounded-md bg-brand-600 px-4 py-2 text-sm text-white hover:bg-brand-700 disabled:opacity-60" data-testid="wave-create">
          {create.isPending ? t("creating") : t("create")}
        </button>
        {create.data && (
          <span className="text-sm text-slate-700" data-testid="wave-created">
            {t("created", { number: create.data.number, orders: create.data.orders, units: create.data.units })}{" "}
            <Link href={`/picking/${create.data.pickListId}`} className="text-brand-700 hover:underline" data-testid="wave-open">{t("open")}</Link>
          </span>
        )}
      </div>
      {create.data && <PickSkipSummary skipped={create.data.skipped} count={create.data.skippedCount} />}
      <ErrorMessage error={create.error} scope="picking.errors" />
    </form>
  );
}
