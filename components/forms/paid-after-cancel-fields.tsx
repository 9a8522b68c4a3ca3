"use client";
/**
 * The confirm step of PAID_AFTER_CANCEL on the order page (order-actions.tsx): money the customer paid after the
 * order was cancelled (a boleto or PIX that arrived late). Says what will happen (the order stays cancelled, a
 * refund is owed), asks whether all of it or part arrived (part only while nothing was received) and how it came.
 */
import { useLocale, useTranslations } from "next-intl";
import { formatMoney } from "@/components/ui/format";
import type { PaymentStatus } from "@/server/services/order/order-dimensions";

export type LatePayment = "PAID" | "PARTIALLY_PAID";

interface Props {
  /** The order's payment status now: a partial payment can only become whole. */
  paymentStatus: PaymentStatus;
  totalCents: number;
  currency: string;
  value: LatePayment;
  onChange: (value: LatePayment) => void;
  note: string;
  onNoteChange: (note: string) => void;
  fieldClass: string;
}

export function PaidAfterCancelFields({ paymentStatus, totalCents, currency, value, onChange, note, onNoteChange, fieldClass }: Props) {
  const t = useTranslations("orders.actions.paidAfterCancel");
  const locale = useLocale();
  const choices: LatePayment[] = paymentStatus === "PARTIALLY_PAID" ? ["PAID"] : ["PAID", "PARTIALLY_PAID"];
  return (
    <>
      <p className="text-xs text-slate-500" data-testid="paid-after-cancel-help">{t("help")}</p>
      <fieldset className="space-y-1 text-sm">
        <legend className="text-xs font-medium text-slate-600">{t("amount")}</legend>
        {choices.map((c) => (
          <label key={c} className="flex items-center gap-2">
            <input type="radio" name="paid-after-cancel" value={c} checked={value === c} onChange={() => onChange(c)} data-testid={`paid-after-cancel-${c}`} />
            {c === "PAID" ? t(paymentStatus === "PARTIALLY_PAID" ? "rest" : "full", { total: formatMoney(totalCents, currency, locale) }) : t("part")}
          </label>
        ))}
      </fieldset>
      <label className="block text-xs font-medium text-slate-600">
        {t("note")}
        <input data-testid="action-note" className={fieldClass} maxLength={500} value={note} placeholder={t("notePlaceholder")} onChange={(e) => onNoteChange(e.target.value)} />
      </label>
    </>
  );
}
