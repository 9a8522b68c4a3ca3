/**
 * GET /api/products/export[?locale=en|pt-BR] — the whole catalogue as a CSV
 * download in the import's columns (README "Catalogue CSV import and export"),
 * streamed. In the reader's language unless `locale` says otherwise (pt-BR:
 * Portuguese headers, ";" and "49,90"). Everyone who reads the catalogue
 * (401 / 403 for the others).
 */
import { currentUser } from "@/server/auth/session";
import { isLocale, LOCALE_COOKIE, localeFromAcceptLanguage, type Locale } from "@/server/i18n/locales";
import { csvDownload, jsonError } from "@/server/lib/http-stream";
import { CATALOG_READ_ROLES } from "@/server/services/catalog/catalog-roles";
import { exportCatalogCsv } from "@/server/services/catalog/export-catalog-csv";
import type { Role } from "@/server/lib/roles";

export const dynamic = "force-dynamic";

function requestLocale(req: Request): Locale {
  const asked = new URL(req.url).searchParams.get("locale");
  if (isLocale(asked)) return asked;
  const cookie = new RegExp(`(?:^|;\\s*)${LOCALE_COOKIE}=([^;]+)`).exec(req.headers.get("cookie") ?? "")?.[1];
  return isLocale(cookie) ? cookie : localeFromAcceptLanguage(req.headers.get("accept-language"));
}

export async function GET(req: Request): Promise<Response> {
  const user = await currentUser();
  if (!user) return jsonError(401, "UNAUTHORIZED", "Sign in first.");
  if (!(CATALOG_READ_ROLES as readonly Role[]).includes(user.role)) return jsonError(403, "FORBIDDEN", `Your role (${user.role}) may not export the catalogue.`);
  const locale = requestLocale(req);
  return csvDownload(exportCatalogCsv({ actor: user, locale }), locale === "pt-BR" ? "produtos" : "products");
}
