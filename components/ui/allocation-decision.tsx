/**
 * Why an order ships from where it does, in the reader's language: the
 * allocation record stored on the order (server/services/stock/allocation-record.ts)
 * read back as shipments, waiting units, unknown SKUs, the reasons by code and,
 * when another order took the stock first, what was allocated again. A record
 * that is not of that shape shows its stored summary.
 */
import { useTranslations } from "next-intl";
import { AllocationReasonText, type AllocationReasonLike } from "@/components/ui/allocation-reason-text";

interface LineLike {
  sku: string;
  quantity: number;
}

interface DecisionLike {
  shipments: { warehouseCode: string; lines: LineLike[] }[];
  backordered: LineLike[];
  unknownSkus: LineLike[];
  reasons: AllocationReasonLike[];
  retry?: { lost: (LineLike & { warehouseCode: string })[]; reasons: AllocationReasonLike[] };
}

const rec = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
const isLine = (v: unknown): v is LineLike => rec(v) && typeof v.sku === "string" && typeof v.quantity === "number";
const lines = (v: unknown): LineLike[] | null => (Array.isArray(v) && v.every(isLine) ? v : null);
const isReason = (v: unknown): v is AllocationReasonLike => rec(v) && typeof v.code === "string" && rec(v.params);
/** Allocation reasons (by code) as stored on an order's record or a stock timeline event; null when it is not such a list. */
export const reasons = (v: unknown): AllocationReasonLike[] | null => (Array.isArray(v) && v.every(isReason) ? v : null);

/** The record's parts this view needs, or null when it is not an allocation record. */
export function readDecision(record: unknown): DecisionLike | null {
  if (!rec(record) || !Array.isArray(record.shipments)) return null;
  const shipments = record.shipments.map((s) => (rec(s) && typeof s.warehouseCode === "string" && lines(s.lines) ? { warehouseCode: s.warehouseCode, lines: s.lines as LineLike[] } : null));
  const backordered = lines(record.backordered ?? []);
  const unknownSkus = lines(record.unknownSkus ?? []);
  const why = reasons(record.reasons);
  if (shipments.some((s) => s === null) || !backordered || !unknownSkus || !why) return null;
  const decision: DecisionLike = { shipments: shipments as DecisionLike["shipments"], backordered, unknownSkus, reasons: why };
  if (rec(record.retry)) {
    const lost = Array.isArray(record.retry.lost) && record.retry.lost.every((l) => isLine(l) && typeof (l as { warehouseCode?: unknown }).warehouseCode === "string")
      ? (record.retry.lost as (LineLike & { warehouseCode: string })[])
      : null;
    const again = reasons(record.retry.reasons);
    if (lost && again) decision.retry = { lost, reasons: again };
  }
  return decision;
}

export function AllocationDecision({ record }: { record: unknown }) {
  const t = useTranslations("stock.dryRun");
  const o = useTranslations("orders.detail");
  const d = readDecision(record);
  if (!d) {
    const summary = rec(record) && typeof record.summary === "string" ? record.summary : null;
    return summary ? <p>{summary}</p> : null;
  }
  const list = (ls: LineLike[]) => ls.map((l) => t("line", { sku: l.sku, quantity: l.quantity })).join(", ");
  return (
    <div className="space-y-1" data-testid="allocation-decision">
      {d.shipments.map((s) => (
        <p key={s.warehouseCode} data-testid="allocation-shipment">
          <span className="font-medium">{t("shipsFrom", { warehouse: s.warehouseCode })}</span>: <span className="font-mono text-xs">{list(s.lines)}</span>
        </p>
      ))}
      {d.backordered.length > 0 && (
        <p className="text-orange-800" data-testid="allocation-backordered">
          <span className="font-medium">{t("backordered")}</span>: <span className="font-mono text-xs">{list(d.backordered)}</span>
        </p>
      )}
      {d.unknownSkus.length > 0 && <p className="text-amber-800">{o("allocationUnknown", { lines: list(d.unknownSkus) })}</p>}
      {d.reasons.length > 0 && <ul className="list-disc space-y-0.5 pl-5">{d.reasons.map((r, i) => <AllocationReasonText key={i} reason={r} />)}</ul>}
      {d.retry && (
        <div data-testid="allocation-retry">
          <p className="font-medium">{o("allocationRetry", { lines: d.retry.lost.map((l) => `${t("line", { sku: l.sku, quantity: l.quantity })} (${l.warehouseCode})`).join(", ") })}</p>
          <ul className="list-disc space-y-0.5 pl-5">{d.retry.reasons.map((r, i) => <AllocationReasonText key={i} reason={r} />)}</ul>
        </div>
      )}
    </div>
  );
}
