"use client";
/** ADMIN: add a carrier (code, name, kind, services). Its tracking token is generated on the server. */
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { useTRPC } from "@/components/providers/trpc";
import { ShippingErrorMessage } from "@/components/ui/shipping-error-text";
import { CARRIER_KINDS } from "@/server/services/shipping/carrier-view";
import type { CarrierKind } from "@/server/services/shipping/carriers/carrier-adapter";

const field = "mt-1 w-full rounded-md border border-slate-300 px-3 py-2 text-sm";

export function splitServices(text: string): string[] {
  return text.split(",").map((s) => s.trim()).filter(Boolean);
}

export function CarrierCreateForm() {
  const t = useTranslations("shipping.carriers");
  const trpc = useTRPC();
  const router = useRouter();
  const empty = { code: "", name: "", kind: "GENERIC" as CarrierKind, services: "" };
  const [values, setValues] = useState(empty);
  const create = useMutation(
    trpc.carrier.create.mutationOptions({
      onSuccess: () => {
        setValues(empty);
        router.refresh();
      },
    }),
  );

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    create.mutate({ code: values.code, name: values.name, kind: values.kind, services: splitServices(values.services) });
  }

  return (
    <form onSubmit={onSubmit} className="grid gap-4 sm:grid-cols-2" data-testid="carrier-create-form">
      <label className="block">
        <span className="text-sm font-medium">{t("name")}</span>
        <input className={field} value={values.name} required maxLength={120} onChange={(e) => setValues({ ...values, name: e.target.value })} data-testid="carrier-name" />
      </label>
      <label className="block">
        <span className="text-sm font-medium">{t("code")}</span>
        <input
          className={`${field} font-mono`}
          value={values.code}
          required
          pattern="[a-z0-9][a-z0-9-]{1,39}"
          maxLength={40}
          onChange={(e) => setValues({ ...values, code: e.target.value.toLowerCase() })}
          data-testid="carrier-code"
        />
        <span className="text-xs text-slate-500">{t("codeHelp")}</span>
      </label>
      <label className="block">
        <span className="text-sm font-medium">{t("kind")}</span>
        <select className={field} value={values.kind} onChange={(e) => setValues({ ...values, kind: e.target.value as CarrierKind })} data-testid="carrier-kind">
          {CARRIER_KINDS.map((k) => (
            <option key={k} value={k}>{t(`kinds.${k}`)}</option>
          ))}
        </select>
      </label>
      <label className="block">
        <span className="text-sm font-medium">{t("services")}</span>
        <input className={field} value={values.services} required placeholder="SEDEX, PAC" onChange={(e) => setValues({ ...values, services: e.target.value })} data-testid="carrier-services" />
        <span className="text-xs text-slate-500">{t("servicesHelp")}</span>
      </label>
      <div className="sm:col-span-2">
        <button type="submit" disabled={create.isPending} className="rounded-md bg-brand-600 px-4 py-2 text-sm text-white hover:bg-brand-700 disabled:opacity-60">
          {create.isPending ? t("creating") : t("create")}
        </button>
      </div>
      <div className="sm:col-span-2">
        <ShippingErrorMessage error={create.error} />
      </div>
    </form>
  );
}
