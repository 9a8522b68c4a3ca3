/** Filters of the Channel deliveries page: a plain GET form (works without JavaScript; the URL is shareable). */
import Link from "next/link";
import { useTranslations } from "next-intl";
import { DELIVERY_STATUSES } from "@/server/services/channels/list-deliveries";
import { AWAITING_DOCUMENT } from "@/components/ui/delivery-status-badge";

interface Props {
  channels: { id: string; name: string }[];
  value: { channelId?: string; status?: string; topic?: string };
}

const field = "mt-1 w-full rounded-md border border-slate-300 px-2 py-1.5 text-sm";

export function DeliveriesFilterForm({ channels, value }: Props) {
  const t = useTranslations("channels");
  return (
    <form method="get" action="/deliveries" className="flex flex-wrap items-end gap-3 rounded-xl border border-slate-200 bg-white p-4" data-testid="deliveries-filters">
      <label className="min-w-48">
        <span className="text-xs font-medium text-slate-600">{t("deliveries.channel")}</span>
        <select name="channelId" defaultValue={value.channelId ?? ""} className={field}>
          <option value="">{t("deliveries.allChannels")}</option>
          {channels.map((c) => (
            <option key={c.id} value={c.id}>{c.name}</option>
          ))}
        </select>
      </label>
      <label className="min-w-40">
        <span className="text-xs font-medium text-slate-600">{t("deliveries.status")}</span>
        <select name="status" defaultValue={value.status ?? ""} className={field} data-testid="filter-status">
          <option value="">{t("deliveries.allStatuses")}</option>
          {DELIVERY_STATUSES.map((s) => (
            <option key={s} value={s}>{t(`deliveryStatus.${s}`)}</option>
          ))}
          <option value={AWAITING_DOCUMENT}>{t(`deliveryStatus.${AWAITING_DOCUMENT}`)}</option>
        </select>
      </label>
      <label className="min-w-48">
        <span className="text-xs font-medium text-slate-600">{t("deliveries.topic")}</span>
        <input name="topic" defaultValue={value.topic ?? ""} placeholder={t("deliveries.topicPlaceholder")} className={field} />
      </label>
      <button type="submit" className="rounded-md bg-brand-600 px-4 py-2 text-sm text-white hover:bg-brand-700">{t("deliveries.filter")}</button>
      <Link href="/deliveries" className="px-2 py-2 text-sm text-slate-600 hover:underline">{t("deliveries.clear")}</Link>
    </form>
  );
}
