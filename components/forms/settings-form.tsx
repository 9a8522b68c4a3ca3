"use client";
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { useTRPC } from "@/components/providers/trpc";
import { ErrorMessage } from "@/components/ui/error-message";
import { issueProblem, type Translate } from "@/components/ui/error-text";
import { CurrencyField } from "@/components/forms/currency-field";
import type { TimeZoneOption } from "@/server/lib/time-zone-options";

interface Settings {
  companyName: string;
  timeZone: string;
  currency: string;
  backorderPolicy: "BACKORDER" | "HOLD";
  allowSplitShipments: boolean;
  unpaidReservationHours: number | null;
}

/** Whole hours 1–720, or empty (never); undefined: not a valid entry. */
function parseHours(text: string): number | null | undefined {
  const v = text.trim();
  if (v === "") return null;
  if (!/^\d+$/.test(v)) return undefined;
  const n = Number(v);
  return n >= 1 && n <= 720 ? n : undefined;
}

const input = "mt-1 w-full rounded-md border border-slate-300 px-3 py-2";

/** `timeZones`: readable labels for the IANA ids (server/lib/time-zone-options.ts), Brazil first. */
export function SettingsForm({ initial, timeZones }: { initial: Settings; timeZones: TimeZoneOption[] }) {
  const t = useTranslations();
  const trpc = useTRPC();
  const router = useRouter();
  const [values, setValues] = useState(initial);
  const [hours, setHours] = useState(initial.unpaidReservationHours === null ? "" : String(initial.unpaidReservationHours));
  const hoursValue = parseHours(hours);
  const save = useMutation(trpc.settings.update.mutationOptions({ onSuccess: () => router.refresh() }));
  // The server's refusal of the currency goes under the field; any other error below the form.
  const currencyIssue = save.error?.data?.zodIssues?.find((i) => i.path === "currency");
  const currencyError = currencyIssue ? issueProblem(t as unknown as Translate, currencyIssue) : null;

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    save.reset();
    if (hoursValue === undefined) return;
    save.mutate({ ...values, unpaidReservationHours: hoursValue });
  }

  return (
    <form onSubmit={onSubmit} className="space-y-4">
      <label className="block">
        <span className="text-sm font-medium">{t("settings.companyName")}</span>
        <input className={input} value={values.companyName} onChange={(e) => setValues({ ...values, companyName: e.target.value })} />
      </label>
      <label className="block">
        <span className="text-sm font-medium">{t("settings.timeZone")}</span>
        <select data-testid="timezone" className={input} value={values.timeZone} onChange={(e) => setValues({ ...values, timeZone: e.target.value })}>
          {timeZones.map((tz) => (
            <option key={tz.value} value={tz.value}>{tz.label}</option>
          ))}
        </select>
        <span className="text-xs text-slate-500">{t("settings.timeZoneHelp")}</span>
      </label>
      <CurrencyField value={values.currency} error={currencyError} onChange={(currency) => setValues({ ...values, currency })} />
      <fieldset>
        <legend className="text-sm font-medium">{t("settings.backorderPolicy")}</legend>
        {(["BACKORDER", "HOLD"] as const).map((p) => (
          <label key={p} className="mt-1 flex items-center gap-2 text-sm">
            <input type="radio" name="backorderPolicy" checked={values.backorderPolicy === p} onChange={() => setValues({ ...values, backorderPolicy: p })} />
            {t(`settings.backorderPolicy${p}`)}
          </label>
        ))}
      </fieldset>
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" checked={values.allowSplitShipments} onChange={(e) => setValues({ ...values, allowSplitShipments: e.target.checked })} />
        {t("settings.allowSplitShipments")}
      </label>
      <label className="block">
        <span className="text-sm font-medium">{t("settings.unpaidHours")}</span>
        <span className="mt-1 flex items-center gap-2">
          <input
            data-testid="unpaid-hours"
            inputMode="numeric"
            className="w-24 rounded-md border border-slate-300 px-3 py-2"
            value={hours}
            aria-invalid={hoursValue === undefined}
            aria-describedby="unpaid-hours-help"
            onChange={(e) => setHours(e.target.value)}
          />
          <span className="text-sm">{t("settings.unpaidHoursUnit")}</span>
        </span>
        <span id="unpaid-hours-help" className="text-xs text-slate-500">{t("settings.unpaidHoursHint")}</span>
        {hoursValue === undefined && (
          <span role="alert" data-testid="unpaid-hours-error" className="block text-xs text-red-700">{t("settings.unpaidHoursError")}</span>
        )}
      </label>
      <ErrorMessage error={currencyIssue && save.error?.data?.zodIssues?.length === 1 ? null : save.error} />
      <div className="flex items-center gap-3">
        <button type="submit" disabled={save.isPending || hoursValue === undefined} className="rounded-md bg-brand-600 px-4 py-2 text-white hover:bg-brand-700 disabled:opacity-60">
          {t("common.save")}
        </button>
        {save.isSuccess && <span className="text-sm text-green-700" data-testid="saved">{t("common.saved")}</span>}
      </div>
    </form>
  );
}
