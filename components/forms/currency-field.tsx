"use client";
import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import { COMMON_CURRENCIES, currencyLabel } from "@/server/lib/currency";

const OTHER = "__other";
const input = "mt-1 w-full rounded-md border border-slate-300 px-3 py-2";

/**
 * The default currency: a select of the usual ones (BRL first) and "Other currency…", which opens a box
 * for any ISO 4217 code. The server checks the code (server/lib/zod-issue-view.ts currencyCodeInput);
 * `error` is its refusal, shown under the field.
 */
export function CurrencyField({ value, onChange, error }: { value: string; onChange: (code: string) => void; error: string | null }) {
  const t = useTranslations("settings");
  const locale = useLocale();
  const common = (COMMON_CURRENCIES as readonly string[]).includes(value);
  const [other, setOther] = useState(!common);
  return (
    <div>
      <label className="block">
        <span className="text-sm font-medium">{t("currency")}</span>
        <select
          data-testid="currency"
          className={input}
          value={other ? OTHER : value}
          aria-invalid={error !== null}
          aria-describedby="currency-help"
          onChange={(e) => {
            const next = e.target.value;
            setOther(next === OTHER);
            if (next !== OTHER) onChange(next);
          }}
        >
          {COMMON_CURRENCIES.map((c) => (
            <option key={c} value={c}>{currencyLabel(c, locale)}</option>
          ))}
          <option value={OTHER}>{t("currencyOther")}</option>
        </select>
      </label>
      {other && (
        <label className="mt-2 block">
          <span className="text-sm">{t("currencyCode")}</span>
          <input
            data-testid="currency-other"
            className={input}
            value={value}
            maxLength={3}
            autoCapitalize="characters"
            aria-invalid={error !== null}
            onChange={(e) => onChange(e.target.value.toUpperCase())}
          />
        </label>
      )}
      <span id="currency-help" className="block text-xs text-slate-500">{t("currencyHelp")}</span>
      {error && (
        <span role="alert" data-testid="currency-error" className="block text-xs text-red-700">{error}</span>
      )}
    </div>
  );
}
