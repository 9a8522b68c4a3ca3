/**
 * GET /api/picking/<id>/pdf — the pick list as an A4 PDF in the user's
 * language. Session and role are checked here (401/403) and again by the
 * picking router the data comes through.
 */
import { getFormatter, getTranslations } from "next-intl/server";
import { serverCaller } from "@/server/api/caller";
import { currentUser } from "@/server/auth/session";
import { canOpen } from "@/server/auth/page-access";
import { renderPickListPdf } from "@/server/services/picking/pick-list-pdf";

export const dynamic = "force-dynamic";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function GET(_req: Request, ctx: { params: Promise<{ id: string }> }): Promise<Response> {
  const user = await currentUser();
  if (!user) return Response.json({ error: "UNAUTHORIZED", message: "Sign in first." }, { status: 401 });
  if (!canOpen("picking", user.role)) {
    return Response.json({ error: "FORBIDDEN", message: `Your role (${user.role}) may not print pick lists.` }, { status: 403 });
  }
  const { id } = await ctx.params;
  if (!UUID.test(id)) return Response.json({ error: "NOT_FOUND", message: "No such pick list." }, { status: 404 });
  const caller = await serverCaller();
  const view = await caller.picking.get({ id }).catch((e: unknown) => {
    if ((e as { code?: string }).code === "NOT_FOUND") return null;
    throw e;
  });
  if (!view) return Response.json({ error: "NOT_FOUND", message: "No such pick list." }, { status: 404 });

  const [t, format] = await Promise.all([getTranslations("picking.print"), getFormatter()]);
  const created = format.dateTime(view.createdAt, { dateStyle: "short", timeStyle: "short" });
  const meta = [
    `${t("warehouse")}: ${view.warehouse.code} · ${view.warehouse.name}`,
    `${t("created")}: ${created}`,
    ...(view.assignedTo ? [`${t("picker")}: ${view.assignedTo}`] : []),
    `${t("orders")}: ${view.totals.orders}`,
    `${t("units")}: ${view.totals.units}`,
  ].join("  |  ");
  const pdf = await renderPickListPdf(view, {
    title: t("title", { number: view.number }),
    meta,
    bin: t("bin"),
    sku: t("sku"),
    product: t("product"),
    quantity: t("quantity"),
    ean: t("ean"),
    totes: t("totes"),
    noEan: t("noEan"),
    toteList: t("toteList"),
    signature: t("signature"),
    page: (page, pages) => t("page", { page, pages }),
    toteQty: (tote, quantity) => t("toteQty", { tote, quantity }),
    tote: (tote) => t("tote", { tote }),
    order: (number) => t("order", { number }),
  });
  return new Response(new Uint8Array(pdf), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `attachment; filename="pick-list-${view.number}.pdf"`,
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
