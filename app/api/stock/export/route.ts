/**
 * GET /api/stock/export?warehouseId=&filter=ALL|LOW|OUT|BACKORDERED&search=&includeInactive=true[&locale=en|pt-BR]
 * — the stock grid's current filter as a CSV download, streamed (columns in
 * README "Stock CSV export"). In the reader's language unless `locale` says
 * otherwise, like the orders and catalogue exports: pt-BR files have
 * Portuguese headers and words, ";" and the name estoque-…; English ones the
 * README's identifiers, "," and stock-…. Signed-in users of the stock area
 * only (401 / 403).
 */
import { getLocale, getTranslations } from "next-intl/server";
import { currentUser } from "@/server/auth/session";
import { csvDownload } from "@/server/lib/http-stream";
import { canOpen } from "@/server/auth/page-access";
import { DEFAULT_LOCALE, isLocale } from "@/server/i18n/locales";
import type { Say } from "@/server/services/order/export-labels";
import { exportStockGridCsv, stockExportInput } from "@/server/services/stock/export-stock-grid";
import { stockCsvFilePrefix, stockCsvLabels } from "@/server/services/stock/export-stock-labels";
import { getMerchantSettings } from "@/server/services/settings/merchant-settings";

export const dynamic = "force-dynamic";

export async function GET(req: Request): Promise<Response> {
  const user = await currentUser();
  if (!user) return Response.json({ error: "UNAUTHORIZED", message: "Sign in first." }, { status: 401 });
  if (!canOpen("stock", user.role)) return Response.json({ error: "FORBIDDEN", message: `Your role (${user.role}) may not export stock.` }, { status: 403 });

  const sp = new URL(req.url).searchParams;
  const value = (k: string) => {
    const v = sp.get(k)?.trim();
    return v ? v : undefined;
  };
  const parsed = stockExportInput.safeParse({
    warehouseId: value("warehouseId"),
    filter: value("filter"),
    search: value("search"),
    includeInactive: value("includeInactive") === "true" || value("includeInactive") === "1",
  });
  if (!parsed.success) {
    return Response.json({ error: "VALIDATION", invalid: parsed.error.issues.map((i) => i.path.join(".")) }, { status: 400 });
  }

  const asked = value("locale");
  const current = await getLocale();
  const locale = isLocale(asked) ? asked : isLocale(current) ? current : DEFAULT_LOCALE;
  const [t, settings] = await Promise.all([getTranslations({ locale }), getMerchantSettings()]);
  const say = t as unknown as Say;
  const chunks = exportStockGridCsv(parsed.data, { locale, labels: stockCsvLabels(say) });
  return csvDownload(chunks, stockCsvFilePrefix(locale), settings.timeZone);
}
