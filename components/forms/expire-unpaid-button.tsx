"use client";
/** "Give back unpaid stock now" on the settings page (ADMIN): the unpaid-order expiry job, run at once. */
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useTRPC } from "@/components/providers/trpc";
import { ErrorMessage } from "@/components/ui/error-message";

export function ExpireUnpaidButton({ enabled }: { enabled: boolean }) {
  const t = useTranslations("settings.expiry");
  const trpc = useTRPC();
  const run = useMutation(trpc.settings.expireUnpaid.mutationOptions());
  const r = run.data;
  return (
    <div className="space-y-1">
      <button
        type="button"
        onClick={() => run.mutate()}
        disabled={!enabled || run.isPending}
        className="rounded-md border border-slate-300 bg-white px-4 py-2 text-sm hover:bg-slate-50 disabled:opacity-60"
        data-testid="expire-unpaid"
      >
        {run.isPending ? t("running") : t("run")}
      </button>
      {!enabled && <p className="text-xs text-slate-500">{t("off")}</p>}
      {r && (
        <p className="text-sm text-slate-700" role="status" data-testid="expire-unpaid-result">
          {r.hours === null ? t("off") : t("result", { orders: r.orders, units: r.units, hours: r.hours })}
          {r.skipped > 0 && ` ${t("skipped", { count: r.skipped })}`}
          {r.more && ` ${t("more")}`}
        </p>
      )}
      <ErrorMessage error={run.error} />
    </div>
  );
}
