"use client";
/**
 * Type a tracking event on the shipment page (WAREHOUSE, OPERATOR, ADMIN).
 * The time is read as the merchant's wall-clock time (next-intl's configured
 * time zone), whatever the browser's zone is.
 */
import { useMutation } from "@tanstack/react-query";
import { useNow, useTimeZone, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { useTRPC } from "@/components/providers/trpc";
import { ShippingErrorMessage } from "@/components/ui/shipping-error-text";
import { wallTimeInZone, zonedWallTimeToUtc } from "@/server/lib/zoned-time";
import { TRACKING_STATUSES, type TrackingStatus } from "@/server/services/shipping/shipment-status";

const field = "mt-1 w-full rounded-md border border-slate-300 px-3 py-2 text-sm";
const pad = (n: number) => String(n).padStart(2, "0");

function localInput(at: Date, timeZone: string): string {
  const w = wallTimeInZone(at, timeZone);
  return `${w.year}-${pad(w.month)}-${pad(w.day)}T${pad(w.hour)}:${pad(w.minute)}`;
}

function fromLocalInput(value: string, timeZone: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(value);
  if (!m) return null;
  const [, y, mo, d, h, mi] = m.map(Number) as [number, number, number, number, number, number];
  return zonedWallTimeToUtc({ year: y, month: mo, day: d, hour: h, minute: mi, second: 0 }, timeZone);
}

export function TrackingEventForm({ shipmentId }: { shipmentId: string }) {
  const t = useTranslations("shipping");
  const timeZone = useTimeZone() ?? "America/Sao_Paulo";
  const now = useNow();
  const trpc = useTRPC();
  const router = useRouter();
  const [status, setStatus] = useState<TrackingStatus>("IN_TRANSIT");
  const [when, setWhen] = useState(() => localInput(now, timeZone));
  const [location, setLocation] = useState("");
  const [description, setDescription] = useState("");
  const add = useMutation(
    trpc.shipping.addEvent.mutationOptions({
      onSuccess: () => {
        setLocation("");
        setDescription("");
        router.refresh();
      },
    }),
  );

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    const occurredAt = fromLocalInput(when, timeZone);
    if (!occurredAt) return;
    add.mutate({ shipmentId, status, occurredAt, ...(location.trim() ? { location } : {}), ...(description.trim() ? { description } : {}) });
  }

  const done = add.data;
  return (
    <form onSubmit={onSubmit} className="space-y-3" data-testid="tracking-event-form">
      <p className="text-sm text-slate-500">{t("event.help")}</p>
      <div className="grid gap-3 sm:grid-cols-2">
        <label className="block">
          <span className="text-sm font-medium">{t("event.status")}</span>
          <select className={field} value={status} onChange={(e) => setStatus(e.target.value as TrackingStatus)} data-testid="event-status">
            {TRACKING_STATUSES.map((s) => (
              <option key={s} value={s}>{t(`status.${s}`)}</option>
            ))}
          </select>
        </label>
        <label className="block">
          <span className="text-sm font-medium">{t("event.occurredAt")}</span>
          <input type="datetime-local" className={field} value={when} required onChange={(e) => setWhen(e.target.value)} data-testid="event-occurred-at" />
        </label>
        <label className="block">
          <span className="text-sm font-medium">{t("event.location")}</span>
          <input className={field} value={location} maxLength={200} onChange={(e) => setLocation(e.target.value)} />
        </label>
        <label className="block">
          <span className="text-sm font-medium">{t("event.description")}</span>
          <input className={field} value={description} maxLength={500} onChange={(e) => setDescription(e.target.value)} />
        </label>
      </div>
      <div className="flex items-center gap-3">
        <button type="submit" disabled={add.isPending} className="rounded-md bg-brand-600 px-4 py-2 text-sm text-white hover:bg-brand-700 disabled:opacity-60" data-testid="event-save">
          {add.isPending ? t("event.saving") : t("event.save")}
        </button>
        {done && (
          <span className="text-sm text-green-700" role="status" data-testid="event-result">
            {done.orderDelivered ? t("event.storedDelivered") : done.applied ? t("event.stored") : t("event.historyOnly")}
          </span>
        )}
      </div>
      <ShippingErrorMessage error={add.error} />
    </form>
  );
}
