/**
 * GET /api/stock/export?warehouseId=&filter=ALL|LOW|OUT|BACKORDERED&search=&includeInactive=true
 * — the stock grid's current filter as a CSV download, streamed (columns in
 * README "Stock"). Signed-in users of the stock area only (401 / 403).
 */
import { currentUser } from "@/server/auth/session";
import { csvDownload } from "@/server/lib/http-stream";
import { canOpen } from "@/server/auth/page-access";
import { exportStockGridCsv, stockExportInput } from "@/server/services/stock/export-stock-grid";
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

  const chunks = exportStockGridCsv(parsed.data);
  return csvDownload(chunks, "stock", (await getMerchantSettings()).timeZone);
}
