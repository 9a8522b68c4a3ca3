/**
 * next-intl request config: the language comes from the user's choice (cookie),
 * else the browser's Accept-Language; the time zone is the merchant's setting,
 * so every date on every page is shown in the merchant's time zone.
 */
import { cookies, headers } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { DEFAULT_SETTINGS, getMerchantSettings } from "@/server/services/settings/merchant-settings";
import { isLocale, LOCALE_COOKIE, localeFromAcceptLanguage } from "@/server/i18n/locales";
import { MESSAGES } from "@/server/i18n/messages";

export default getRequestConfig(async () => {
  const cookieLocale = (await cookies()).get(LOCALE_COOKIE)?.value;
  const locale = isLocale(cookieLocale) ? cookieLocale : localeFromAcceptLanguage((await headers()).get("accept-language"));
  let timeZone = DEFAULT_SETTINGS.timeZone;
  try {
    timeZone = (await getMerchantSettings()).timeZone;
  } catch {
    // The database may not be reachable during build: fall back to the default zone.
  }
  return { locale, timeZone, messages: MESSAGES[locale] };
});
