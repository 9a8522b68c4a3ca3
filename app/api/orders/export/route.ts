/**
 * GET /api/orders/export?<the orders page's filter> — the current filter as a
 * CSV download, streamed. Session and role are checked here (401/403) and
 * again in the service.
 */
import { getLocale, getTranslations } from "next-intl/server";
import { currentUser } from "@/server/auth/session";
import { csvDownload } from "@/server/lib/http-stream";
import { canOpen } from "@/server/auth/page-access";
import { exportOrdersCsv } from "@/server/services/order/export-orders";
import { ordersCsvLabels, type Say } from "@/server/services/order/export-labels";
import { parseOrderQuery } from "@/server/services/order/order-filters";
import { DEFAULT_LOCALE, isLocale } from "@/server/i18n/locales";
import { getMerchantSettings } from "@/server/services/settings/merchant-settings";

export const dynamic = "force-dynamic";

export async function GET(req: Request): Promise<Response> {
  const user = await currentUser();
  if (!user) return Response.json({ error: "UNAUTHORIZED", message: "Sign in first." }, { status: 401 });
  if (!canOpen("orders", user.role)) return Response.json({ error: "FORBIDDEN", message: `Your role (${user.role}) may not export orders.` }, { status: 403 });

  const { filter, sort, invalid } = parseOrderQuery(new URL(req.url).searchParams);
  if (invalid.length > 0) return Response.json({ error: "VALIDATION", invalid }, { status: 400 });

  const [t, raw, settings] = await Promise.all([getTranslations(), getLocale(), getMerchantSettings()]);
  const locale = isLocale(raw) ? raw : DEFAULT_LOCALE;
  const timeZone = settings.timeZone;
  const labels = ordersCsvLabels(t as unknown as Say, { timeZone, locale });
  const rows = exportOrdersCsv({ actor: user, filter, sort, timeZone, locale, labels });

  return csvDownload(rows, "orders", timeZone);
}
