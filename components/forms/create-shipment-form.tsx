"use client";
/**
 * Create a shipment (WAREHOUSE, ADMIN): pick one of the closed packages of
 * invoiced orders, a carrier and one of its services; MANUAL carriers need the
 * tracking number typed. On success, go to the new shipment (label link there).
 */
import { useMutation } from "@tanstack/react-query";
import { useFormatter, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { useTRPC } from "@/components/providers/trpc";
import { ShippingErrorMessage } from "@/components/ui/shipping-error-text";
import type { CarrierOption } from "@/server/services/shipping/carrier-view";
import type { ReadyPackage } from "@/server/services/shipping/list-ready-packages";

const field = "mt-1 w-full rounded-md border border-slate-300 px-3 py-2 text-sm";

export function CreateShipmentForm({ packages, carriers, selected }: { packages: ReadyPackage[]; carriers: CarrierOption[]; selected?: string }) {
  const t = useTranslations("shipping.create");
  const format = useFormatter();
  const trpc = useTRPC();
  const router = useRouter();
  const [packageId, setPackageId] = useState(selected && packages.some((p) => p.id === selected) ? selected : (packages[0]?.id ?? ""));
  const [carrierId, setCarrierId] = useState(carriers.length === 1 ? (carriers[0]?.id ?? "") : "");
  const carrier = carriers.find((c) => c.id === carrierId);
  const [service, setService] = useState(carrier?.services[0] ?? "");
  const [trackingNumber, setTrackingNumber] = useState("");
  const create = useMutation(trpc.shipping.create.mutationOptions({ onSuccess: (r) => router.push(`/shipments/${r.shipmentId}`) }));

  function chooseCarrier(id: string) {
    setCarrierId(id);
    setService(carriers.find((c) => c.id === id)?.services[0] ?? "");
  }

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    create.mutate({ packageId, carrierId, service, ...(carrier?.typedTrackingNumber ? { trackingNumber } : {}) });
  }

  if (carriers.length === 0) return <p className="text-sm text-amber-700">{t("noCarriers")}</p>;
  return (
    <form onSubmit={onSubmit} className="space-y-4" data-testid="create-shipment-form">
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium">{t("selectPackage")}</legend>
        <ul className="divide-y divide-slate-100 rounded-md border border-slate-200">
          {packages.map((p) => (
            <li key={p.id}>
              <label className="flex cursor-pointer items-start gap-3 px-3 py-2 hover:bg-slate-50" data-testid="ready-package" data-package-id={p.id}>
                <input type="radio" name="packageId" value={p.id} checked={packageId === p.id} onChange={() => setPackageId(p.id)} className="mt-1" />
                <span className="text-sm">
                  <span className="font-medium">{t("package", { number: p.number })}</span> · {t("order", { number: p.order.number })}
                  {p.order.externalNumber && <span className="text-slate-500"> ({t("channelNumber", { number: p.order.externalNumber })})</span>}
                  <span className="block text-slate-500">
                    {p.destination}
                    {p.order.shipBy && <> · {t("shipBy", { date: format.dateTime(p.order.shipBy, { dateStyle: "short" }) })}</>}
                    {p.weightGrams && <> · {t("weight", { kg: format.number(p.weightGrams / 1000, { maximumFractionDigits: 3 }) })}</>}
                  </span>
                </span>
              </label>
            </li>
          ))}
        </ul>
      </fieldset>
      <div className="grid gap-4 sm:grid-cols-3">
        <label className="block">
          <span className="text-sm font-medium">{t("carrier")}</span>
          <select className={field} value={carrierId} required onChange={(e) => chooseCarrier(e.target.value)} data-testid="shipment-carrier">
            <option value="">{t("chooseCarrier")}</option>
            {carriers.map((c) => (
              <option key={c.id} value={c.id}>{c.name}</option>
            ))}
          </select>
        </label>
        <label className="block">
          <span className="text-sm font-medium">{t("service")}</span>
          <select className={field} value={service} required onChange={(e) => setService(e.target.value)} data-testid="shipment-service" disabled={!carrier}>
            {(carrier?.services ?? []).map((s) => (
              <option key={s} value={s}>{s}</option>
            ))}
          </select>
        </label>
        {carrier?.typedTrackingNumber && (
          <label className="block">
            <span className="text-sm font-medium">{t("trackingNumber")}</span>
            <input className={`${field} font-mono`} value={trackingNumber} required maxLength={40} onChange={(e) => setTrackingNumber(e.target.value)} data-testid="shipment-tracking" />
            <span className="text-xs text-slate-500">{t("trackingHelp")}</span>
          </label>
        )}
      </div>
      <button
        type="submit"
        disabled={create.isPending || !packageId || !carrierId || !service}
        className="rounded-md bg-brand-600 px-4 py-2 text-sm text-white hover:bg-brand-700 disabled:opacity-60"
        data-testid="create-shipment-submit"
      >
        {create.isPending ? t("submitting") : t("submit")}
      </button>
      <ShippingErrorMessage error={create.error} />
    </form>
  );
}
