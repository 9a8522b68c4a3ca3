"use client";
import { useLocale, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useMutation } from "@tanstack/react-query";
import { useTRPC } from "@/components/providers/trpc";
import { LOCALE_COOKIE, LOCALES, type Locale } from "@/server/i18n/locales";

export function LanguageSwitch({ signedIn }: { signedIn: boolean }) {
  const t = useTranslations("language");
  const locale = useLocale();
  const router = useRouter();
  const trpc = useTRPC();
  const save = useMutation(trpc.settings.setMyLocale.mutationOptions());

  function change(next: Locale) {
    document.cookie = `${LOCALE_COOKIE}=${next}; path=/; max-age=31536000; samesite=lax`;
    if (signedIn) save.mutate({ locale: next });
    router.refresh();
  }

  return (
    <label className="flex items-center gap-2 text-sm text-slate-600">
      <span className="sr-only sm:not-sr-only">{t("label")}</span>
      <select
        data-testid="language-switch"
        value={locale}
        onChange={(e) => change(e.target.value as Locale)}
        className="rounded-md border border-slate-300 bg-white px-2 py-1"
      >
        {LOCALES.map((l) => (
          <option key={l} value={l}>
            {t(l)}
          </option>
        ))}
      </select>
    </label>
  );
}
