/**
 * GET /api/stock/export?warehouseId=&filter=ALL|LOW|OUT|BACKORDERED&search=&includeInactive=true
 * — the stock grid's current filter as a CSV download, streamed (columns in
 * README "Stock"). Signed-in users of the stock area only (401 / 403).
 */
import { currentUser } from "@/server/auth/session";
import { canOpen } from "@/server/auth/page-access";
import { exportStockGridCsv, stockExportInput } from "@/server/services/stock/export-stock-grid";

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
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const next = await chunks.next();
        if (next.done) controller.close();
        else controller.enqueue(encoder.encode(next.value));
      } catch (e) {
        controller.error(e);
      }
    },
    async cancel() {
      await chunks.return(undefined);
    },
  });
  const stamp = new Date().toISOString().slice(0, 16).replace(/[-:T]/g, "");
  return new Response(body, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="stock-${stamp}.csv"`,
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
