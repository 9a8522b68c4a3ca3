/**
 * GET /api/shipments/<id>/label — the shipping label PDF (100 × 150 mm).
 * Session and role are checked here (401/403) and again in the service.
 */
import { getTranslations } from "next-intl/server";
import { currentUser } from "@/server/auth/session";
import { isDomainError } from "@/server/lib/domain-error";
import { getShipmentLabel } from "@/server/services/shipping/get-shipment-label";
import { hasRole, LABEL_ROLES } from "@/server/services/shipping/shipping-roles";

export const dynamic = "force-dynamic";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function GET(_req: Request, ctx: { params: Promise<{ id: string }> }): Promise<Response> {
  const user = await currentUser();
  if (!user) return Response.json({ error: "UNAUTHORIZED", message: "Sign in first." }, { status: 401 });
  if (!hasRole(LABEL_ROLES, user)) return Response.json({ error: "FORBIDDEN", message: `Your role (${user.role}) may not print labels.` }, { status: 403 });
  const { id } = await ctx.params;
  if (!UUID.test(id)) return Response.json({ error: "NOT_FOUND", message: "Shipment not found." }, { status: 404 });
  const t = await getTranslations("shipping.label");
  try {
    const { pdf, fileName } = await getShipmentLabel({
      actor: user,
      shipmentId: id,
      captions: { recipient: t("recipient"), sender: t("sender"), order: t("order"), channelNumber: t("channelNumber"), package: t("package"), weight: t("weight") },
    });
    return new Response(Buffer.from(pdf), {
      headers: {
        "Content-Type": "application/pdf",
        "Content-Disposition": `inline; filename="${fileName.replace(/[^\w.-]/g, "_")}"`,
        "Cache-Control": "no-store",
        "X-Content-Type-Options": "nosniff",
      },
    });
  } catch (e) {
    if (isDomainError(e) && e.code === "NOT_FOUND") return Response.json({ error: "NOT_FOUND", message: e.message }, { status: 404 });
    throw e;
  }
}
