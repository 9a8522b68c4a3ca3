/**
 * The printable pick list: A4 (@page size A4, 12 mm margins), header with the
 * list number and its barcode, then one row per SKU per bin along the walking
 * path with the EAN barcode and the quantity for each tote. The app's sidebar
 * and header are hidden when printing (.no-print). Barcode images come from
 * /api/barcodes (session required).
 */
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { TRPCError } from "@trpc/server";
import { requireRole } from "@/server/auth/session";
import { AREAS } from "@/server/auth/page-access";
import { serverCaller } from "@/server/api/caller";
import { barcodeUrl, isBarcodeText } from "@/server/lib/barcode";
import { toteLabel } from "@/server/services/packing/parse-pack-code";
import { PrintButton } from "@/components/ui/print-button";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Tote labels as barcodes for a cart's worth of totes; bigger waves print them as text. */
const TOTE_BARCODES_MAX = 60;

const PRINT_CSS = `
@page { size: A4; margin: 12mm; }
.pick-print { font-size: 11px; color: #000; }
.pick-print table { width: 100%; border-collapse: collapse; }
.pick-print th { text-align: left; border-bottom: 1.5px solid #000; padding: 4px 6px; font-size: 10px; text-transform: uppercase; }
.pick-print td { border-bottom: 0.5px solid #999; padding: 4px 6px; vertical-align: middle; }
.pick-print tr { break-inside: avoid; page-break-inside: avoid; }
.pick-print thead { display: table-header-group; }
.pick-print .ean { height: 48px; width: auto; max-width: 170px; display: block; }
@media print {
  html, body { background: #fff !important; }
  main { padding: 0 !important; }
  .pick-print { font-size: 10px; }
  .pick-print .sheet { border: 0 !important; box-shadow: none !important; padding: 0 !important; }
}`;

export default async function PrintPickListPage({ params }: { params: Promise<{ id: string }> }) {
  await requireRole(...AREAS.picking.roles);
  const { id } = await params;
  if (!UUID.test(id)) notFound();
  const [t, format, caller] = await Promise.all([getTranslations("picking.print"), getFormatter(), serverCaller()]);
  const view = await caller.picking.get({ id }).catch((e: unknown) => {
    if (e instanceof TRPCError && e.code === "NOT_FOUND") return null;
    throw e;
  });
  if (!view) notFound();

  return (
    <div className="pick-print space-y-4">
      <style>{PRINT_CSS}</style>
      <div className="no-print flex flex-wrap items-center gap-3">
        <PrintButton label={t("print")} />
        <a href={`/api/picking/${view.id}/pdf`} className="rounded-md border border-slate-300 bg-white px-4 py-2 text-sm hover:bg-slate-50" data-testid="print-pdf">
          {t("pdf")}
        </a>
        <Link href={`/picking/${view.id}`} className="text-sm text-brand-700 hover:underline">{t("back")}</Link>
      </div>
      <div className="sheet mx-auto max-w-[210mm] space-y-4 rounded-xl border border-slate-200 bg-white p-6">
        <header className="flex items-start justify-between gap-4">
          <div className="space-y-1">
            <h1 className="text-2xl font-bold" data-testid="print-title">{t("title", { number: view.number })}</h1>
            <p>
              {t("warehouse")}: <strong>{view.warehouse.code}</strong> · {view.warehouse.name}
            </p>
            <p>
              {t("created")}: {format.dateTime(view.createdAt, { dateStyle: "short", timeStyle: "short" })}
              {view.assignedTo ? ` · ${t("picker")}: ${view.assignedTo}` : ""}
            </p>
            <p>
              {t("orders")}: <strong>{view.totals.orders}</strong> · {t("units")}: <strong>{view.totals.units}</strong>
            </p>
          </div>
          {/* eslint-disable-next-line @next/next/no-img-element -- a generated PNG from our own route, printed as is */}
          <img src={barcodeUrl("code128", `PL${view.number}`)} alt={`PL${view.number}`} className="h-16 w-auto" data-testid="print-list-barcode" />
        </header>

        <table data-testid="print-lines">
          <thead>
            <tr>
              <th>{t("bin")}</th>
              <th>{t("sku")}</th>
              <th>{t("product")}</th>
              <th style={{ textAlign: "right" }}>{t("quantity")}</th>
              <th>{t("ean")}</th>
              <th>{t("totes")}</th>
            </tr>
          </thead>
          <tbody>
            {view.printLines.map((l) => (
              <tr key={`${l.binId}-${l.sku}`} data-testid="print-line" data-bin={l.binCode} data-seq={l.pickSequence}>
                <td className="whitespace-nowrap font-mono text-sm font-bold">{l.binCode}</td>
                <td className="whitespace-nowrap font-mono">{l.sku}</td>
                <td>{l.productName}</td>
                <td style={{ textAlign: "right" }} className="text-base font-bold tabular-nums">{l.totalQuantity}</td>
                <td>
                  {l.ean && isBarcodeText("ean13", l.ean) ? (
                    /* eslint-disable-next-line @next/next/no-img-element -- generated barcode PNG */
                    <img src={barcodeUrl("ean13", l.ean)} alt={l.ean} className="ean" data-testid="print-ean" />
                  ) : (
                    <span className="text-slate-500">{l.ean ?? t("noEan")}</span>
                  )}
                </td>
                <td className="tabular-nums">{l.perTote.map((p) => t("toteQty", { tote: p.tote, quantity: p.quantity })).join(", ")}</td>
              </tr>
            ))}
          </tbody>
        </table>

        <section className="space-y-2">
          <h2 className="font-semibold">{t("toteList")}</h2>
          <ul className="grid grid-cols-3 gap-3" data-testid="print-totes">
            {view.orders.map((o) => (
              <li key={o.orderId} className="break-inside-avoid">
                <div className="font-semibold">
                  {t("tote", { tote: o.tote })} · {t("order", { number: o.number })}
                </div>
                {view.orders.length <= TOTE_BARCODES_MAX ? (
                  /* eslint-disable-next-line @next/next/no-img-element -- generated barcode PNG */
                  <img src={barcodeUrl("code128", toteLabel(view.number, o.tote))} alt={toteLabel(view.number, o.tote)} className="h-10 w-auto" />
                ) : (
                  <span className="font-mono">{toteLabel(view.number, o.tote)}</span>
                )}
              </li>
            ))}
          </ul>
        </section>

        <p className="pt-8 text-slate-600">
          <span className="inline-block w-64 border-t border-slate-500 pt-1">{t("signature")}</span>
        </p>
      </div>
    </div>
  );
}
