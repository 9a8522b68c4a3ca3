"use client";
/** "Check for delays" on the Shipments page (OPERATOR, ADMIN): flags stalled and late shipments now. */
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useTRPC } from "@/components/providers/trpc";
import { ShippingErrorMessage } from "@/components/ui/shipping-error-text";

export function CheckDelaysButton() {
  const t = useTranslations("shipping.delays");
  const trpc = useTRPC();
  const router = useRouter();
  const check = useMutation(trpc.shipping.checkDelays.mutationOptions({ onSuccess: () => router.refresh() }));
  return (
    <div className="flex flex-col items-end gap-1">
      <button
        type="button"
        onClick={() => check.mutate({})}
        disabled={check.isPending}
        className="rounded-md border border-slate-300 bg-white px-4 py-2 text-sm hover:bg-slate-50 disabled:opacity-60"
        data-testid="check-delays"
      >
        {check.isPending ? t("running") : t("button")}
      </button>
      {check.data && (
        <p className="text-sm text-slate-600" role="status" data-testid="check-delays-result">
          {t("result", { stalled: check.data.stalled, late: check.data.late })} {check.data.more && t("more")}
        </p>
      )}
      <ShippingErrorMessage error={check.error} />
    </div>
  );
}
