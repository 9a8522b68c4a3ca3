"use client";
/**
 * One carrier on the carrier settings page (ADMIN): its tracking URL and token
 * (hidden until asked), edit name / kind / services, (de)activate, rotate the token.
 */
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useTRPC } from "@/components/providers/trpc";
import { splitServices } from "@/components/forms/carrier-create-form";
import { ShippingErrorMessage } from "@/components/ui/shipping-error-text";
import { CARRIER_KINDS, type CarrierAdminView } from "@/server/services/shipping/carrier-view";
import type { CarrierKind } from "@/server/services/shipping/carriers/carrier-adapter";

const button = "rounded-md border border-slate-300 px-3 py-1.5 text-sm hover:bg-slate-50 disabled:opacity-60";
const field = "rounded-md border border-slate-300 px-3 py-1.5 text-sm";

export function CarrierCard({ carrier, origin }: { carrier: CarrierAdminView; origin: string }) {
  const t = useTranslations("shipping.carriers");
  const trpc = useTRPC();
  const router = useRouter();
  const [editing, setEditing] = useState(false);
  const [showToken, setShowToken] = useState(false);
  const [copied, setCopied] = useState<string | null>(null);
  const [values, setValues] = useState({ name: carrier.name, kind: carrier.kind, services: carrier.services.join(", ") });
  const update = useMutation(
    trpc.carrier.update.mutationOptions({
      onSuccess: () => {
        setEditing(false);
        router.refresh();
      },
    }),
  );
  const url = `${origin}${carrier.trackingPath}`;

  async function copy(what: string, text: string) {
    try {
      await navigator.clipboard.writeText(text);
      setCopied(what);
    } catch {
      setCopied(null);
    }
  }

  return (
    <article className="space-y-3 rounded-xl border border-slate-200 bg-white p-5" data-testid="carrier-card" data-code={carrier.code}>
      <header className="flex flex-wrap items-center justify-between gap-2">
        <div>
          <h3 className="font-semibold" data-testid="carrier-card-name">{carrier.name}</h3>
          <p className="text-sm text-slate-500">
            <code>{carrier.code}</code> · {t(`kinds.${carrier.kind}`)} · {carrier.services.join(", ")} ·{" "}
            <span className={carrier.active ? "text-green-700" : "text-amber-700"}>{carrier.active ? t("active") : t("inactive")}</span> ·{" "}
            {t("shipments", { count: carrier.shipmentCount })}
          </p>
        </div>
        <div className="flex flex-wrap gap-2">
          <button type="button" className={button} onClick={() => setEditing(!editing)}>{t("edit")}</button>
          <button type="button" className={button} disabled={update.isPending} onClick={() => update.mutate({ id: carrier.id, active: !carrier.active })} data-testid="carrier-toggle-active">
            {carrier.active ? t("deactivate") : t("activate")}
          </button>
          <button
            type="button"
            className={button}
            disabled={update.isPending}
            onClick={() => window.confirm(t("rotateConfirm")) && update.mutate({ id: carrier.id, rotateToken: true })}
            data-testid="carrier-rotate"
          >
            {t("rotate")}
          </button>
        </div>
      </header>

      {editing && (
        <form
          className="flex flex-wrap items-end gap-2"
          onSubmit={(e) => {
            e.preventDefault();
            update.mutate({ id: carrier.id, name: values.name, kind: values.kind, services: splitServices(values.services) });
          }}
        >
          <input className={field} value={values.name} maxLength={120} aria-label={t("name")} onChange={(e) => setValues({ ...values, name: e.target.value })} />
          <select className={field} value={values.kind} aria-label={t("kind")} onChange={(e) => setValues({ ...values, kind: e.target.value as CarrierKind })}>
            {CARRIER_KINDS.map((k) => (
              <option key={k} value={k}>{t(`kinds.${k}`)}</option>
            ))}
          </select>
          <input className={`${field} w-64`} value={values.services} aria-label={t("services")} onChange={(e) => setValues({ ...values, services: e.target.value })} />
          <button type="submit" className={button} disabled={update.isPending}>{t("save")}</button>
          <button type="button" className={button} onClick={() => setEditing(false)}>{t("cancel")}</button>
        </form>
      )}
      <ShippingErrorMessage error={update.error} />

      <div className="grid gap-3 md:grid-cols-2">
        <div className="space-y-1">
          <label className="block text-xs font-medium text-slate-600" htmlFor={`url-${carrier.id}`}>{t("trackingUrl")}</label>
          <div className="flex gap-2">
            <input id={`url-${carrier.id}`} readOnly value={url} onFocus={(e) => e.currentTarget.select()} className="w-full rounded-md border border-slate-300 bg-slate-50 px-3 py-1.5 font-mono text-xs" data-testid="carrier-url" />
            <button type="button" className={button} onClick={() => copy("url", url)}>{copied === "url" ? t("copied") : t("copy")}</button>
          </div>
        </div>
        <div className="space-y-1">
          <label className="block text-xs font-medium text-slate-600" htmlFor={`token-${carrier.id}`}>{t("token")}</label>
          <div className="flex gap-2">
            <input
              id={`token-${carrier.id}`}
              readOnly
              type={showToken ? "text" : "password"}
              value={carrier.trackingToken}
              autoComplete="off"
              onFocus={(e) => e.currentTarget.select()}
              className="w-full rounded-md border border-slate-300 bg-slate-50 px-3 py-1.5 font-mono text-xs"
              data-testid="carrier-token"
            />
            <button type="button" className={button} onClick={() => setShowToken(!showToken)}>{showToken ? t("hide") : t("show")}</button>
            <button type="button" className={button} onClick={() => copy("token", carrier.trackingToken)}>{copied === "token" ? t("copied") : t("copy")}</button>
          </div>
        </div>
      </div>
    </article>
  );
}
