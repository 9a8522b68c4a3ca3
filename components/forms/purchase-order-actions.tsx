"use client";
/**
 * Cancel, close short and change the expected date of a purchase order
 * (WAREHOUSE, ADMIN — the procedures check the role and the state again). Each
 * opens a confirm step asking why; the outcome is said here and the page
 * reloads with the new state and history.
 */
import { useMutation } from "@tanstack/react-query";
import { useFormatter, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { useTRPC } from "@/components/providers/trpc";
import { ErrorMessage } from "@/components/ui/error-message";
import { MAX_PO_REASON, type PoActions } from "@/server/services/stock/purchase-order-state";

type Step = "cancel" | "closeShort" | "changeDate";

const field = "mt-1 block w-full rounded-md border border-slate-300 px-2 py-1.5 text-sm";
const secondary = "rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm hover:bg-slate-50";
const danger = "rounded-md border border-red-300 bg-white px-3 py-1.5 text-sm text-red-700 hover:bg-red-50";

export interface PurchaseOrderActionsProps {
  purchaseOrderId: string;
  actions: PoActions;
  /** Units still expected (what a cancel or close takes off incoming). */
  openUnits: number;
  /** The current expected day (YYYY-MM-DD in the merchant's time zone), to start the date field from. */
  expectedDay: string | null;
}

export function PurchaseOrderActions({ purchaseOrderId, actions, openUnits, expectedDay }: PurchaseOrderActionsProps) {
  const t = useTranslations("purchasing.manage");
  const format = useFormatter();
  const trpc = useTRPC();
  const router = useRouter();
  const [step, setStep] = useState<Step | null>(null);
  const [reason, setReason] = useState("");
  const [day, setDay] = useState(expectedDay ?? "");
  const [done, setDone] = useState<string | null>(null);
  const finish = (message: string) => {
    setDone(message);
    setStep(null);
    setReason("");
    router.refresh();
  };
  const cancel = useMutation(trpc.purchasing.cancel.mutationOptions({ onSuccess: (r) => finish(t("cancelled", { number: r.number, units: r.units })) }));
  const close = useMutation(trpc.purchasing.closeShort.mutationOptions({ onSuccess: (r) => finish(t("closed", { number: r.number, units: r.units })) }));
  const redate = useMutation(
    trpc.purchasing.changeExpectedDate.mutationOptions({ onSuccess: (r) => finish(t("dateChanged", { date: format.dateTime(r.to, { dateStyle: "short" }) })) }),
  );
  const mutation = step === "cancel" ? cancel : step === "closeShort" ? close : redate;

  function open(next: Step) {
    for (const m of [cancel, close, redate]) m.reset();
    setDone(null);
    setReason("");
    setDay(expectedDay ?? "");
    setStep(next);
  }

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    mutation.reset();
    const input = { purchaseOrderId, reason: reason.trim() };
    if (step === "cancel") cancel.mutate(input);
    else if (step === "closeShort") close.mutate(input);
    // Noon UTC: the chosen calendar day in every time zone within ±11 h (as the new purchase order form sends it).
    else if (step === "changeDate") redate.mutate({ ...input, expectedAt: new Date(`${day}T12:00:00Z`) });
  }

  if (!actions.cancel && !actions.closeShort && !actions.changeExpectedDate && !done) return null;
  const dateError = step === "changeDate" && redate.error?.data?.params?.field === "expectedAt" ? redate.error : null;
  const placeholder = step === "cancel" ? "cancelReasonPlaceholder" : step === "closeShort" ? "closeReasonPlaceholder" : "dateReasonPlaceholder";

  return (
    <section className="space-y-3 rounded-xl border border-slate-200 bg-white p-4" data-testid="po-actions">
      <h2 className="font-semibold">{t("title")}</h2>
      {done && <p role="status" className="rounded-md bg-green-50 px-3 py-2 text-sm text-green-800" data-testid="po-action-done">{done}</p>}
      {step === null && (
        <div className="flex flex-wrap gap-2">
          {actions.changeExpectedDate && <button type="button" className={secondary} onClick={() => open("changeDate")} data-testid="po-change-date">{t("changeDate")}</button>}
          {actions.closeShort && <button type="button" className={danger} onClick={() => open("closeShort")} data-testid="po-close-short">{t("closeShort")}</button>}
          {actions.cancel && <button type="button" className={danger} onClick={() => open("cancel")} data-testid="po-cancel">{t("cancel")}</button>}
        </div>
      )}
      {step !== null && (
        <form onSubmit={onSubmit} className="space-y-3" data-testid="po-action-form" data-step={step}>
          <p className="text-sm text-slate-600">
            {step === "cancel" ? t("cancelIntro", { units: openUnits }) : step === "closeShort" ? t("closeIntro", { units: openUnits }) : t("dateIntro")}
          </p>
          {step === "changeDate" && (
            <label className="block max-w-xs">
              <span className="text-sm font-medium">{t("newDate")}</span>
              <input type="date" required className={field} value={day} onChange={(e) => { redate.reset(); setDay(e.target.value); }} aria-invalid={dateError ? true : undefined} data-testid="po-new-date" />
              <span className="mt-1 block"><ErrorMessage error={dateError} scope="stock.errors" /></span>
            </label>
          )}
          <label className="block">
            <span className="text-sm font-medium">{t("reason")}</span>
            <textarea required maxLength={MAX_PO_REASON} rows={2} className={field} value={reason} placeholder={t(placeholder)} onChange={(e) => setReason(e.target.value)} data-testid="po-action-reason" />
          </label>
          {!dateError && <ErrorMessage error={mutation.error} scope="stock.errors" />}
          <div className="flex gap-2">
            <button
              type="submit"
              disabled={mutation.isPending || reason.trim() === "" || (step === "changeDate" && day === "")}
              className={`rounded-md px-3 py-1.5 text-sm text-white disabled:opacity-50 ${step === "changeDate" ? "bg-brand-600 hover:bg-brand-700" : "bg-red-600 hover:bg-red-700"}`}
              data-testid="po-action-confirm"
            >
              {mutation.isPending ? t("saving") : t(step === "cancel" ? "confirmCancel" : step === "closeShort" ? "confirmClose" : "confirmDate")}
            </button>
            <button type="button" className="px-2 py-1.5 text-sm text-slate-600 hover:underline" onClick={() => setStep(null)} data-testid="po-action-back">{t("back")}</button>
          </div>
        </form>
      )}
    </section>
  );
}
