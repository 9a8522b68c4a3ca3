"use client";
/** "Re-process" on a failed or ignored delivery: runs it again and refreshes the page with the new outcome. */
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useTRPC } from "@/components/providers/trpc";
import { ErrorMessage } from "@/components/ui/error-message";

export function ReprocessDeliveryButton({ deliveryId }: { deliveryId: string }) {
  const t = useTranslations("channels");
  const trpc = useTRPC();
  const router = useRouter();
  const reprocess = useMutation(trpc.channel.reprocessDelivery.mutationOptions({ onSuccess: () => router.refresh() }));
  return (
    <div className="space-y-2">
      <div className="flex items-center gap-3">
        <button
          type="button"
          onClick={() => reprocess.mutate({ id: deliveryId })}
          disabled={reprocess.isPending}
          className="rounded-md bg-brand-600 px-4 py-2 text-sm text-white hover:bg-brand-700 disabled:opacity-60"
          data-testid="reprocess-delivery"
        >
          {reprocess.isPending ? t("delivery.reprocessing") : t("delivery.reprocess")}
        </button>
        {reprocess.data && (
          <span className="text-sm text-slate-700" data-testid="reprocess-result">
            {t("delivery.reprocessed", { status: t(`deliveryStatus.${reprocess.data.status}`) })}
          </span>
        )}
      </div>
      <p className="text-xs text-slate-500">{t("delivery.reprocessHelp")}</p>
      <ErrorMessage error={reprocess.error} scope="channels.errors" />
    </div>
  );
}
