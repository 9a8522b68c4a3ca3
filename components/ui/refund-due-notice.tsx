/**
 * The order page's notice for an open REFUND_DUE (server/services/order/refund-due.ts): the paid order was
 * cancelled, so the money must go back. Same sentence as on /exceptions; who may resolve exceptions closes it
 * here once the refund is made outside the channel (a refund the channel reports closes it by itself).
 */
import Link from "next/link";
import { useTranslations } from "next-intl";
import { ResolveExceptionForm } from "@/components/forms/resolve-exception-form";
import { ExceptionMessage } from "@/components/ui/exception-message";
import type { ExceptionText } from "@/server/services/exceptions/exception-text";

export function RefundDueNotice({ refundDue, canResolve }: { refundDue: { exceptionId: string; message: string; text: ExceptionText | null }; canResolve: boolean }) {
  const t = useTranslations("orders.detail.refundDue");
  return (
    <section role="alert" className="rounded-xl border border-red-200 bg-red-50 p-4 text-sm text-red-900" data-testid="refund-due" data-exception-id={refundDue.exceptionId}>
      <p className="font-medium" data-testid="refund-due-text">
        <ExceptionMessage message={refundDue.message} text={refundDue.text} />
      </p>
      <p className="mt-1 text-red-800">{t("help")}</p>
      <div className="mt-2 flex flex-wrap items-start gap-4">
        {canResolve && <ResolveExceptionForm exceptionId={refundDue.exceptionId} />}
        <Link href="/exceptions?status=OPEN&type=REFUND_DUE" className="text-brand-700 hover:underline">{t("all")}</Link>
      </div>
    </section>
  );
}
