"use client";
/**
 * "Edit shipping address" on the order page (ADMIN, OPERATOR; before the order
 * is packed). The form starts from the address the order has; the server
 * checks it again (shipping-address-input.ts: UF and 8-digit CEP in Brazil)
 * and refuses with CONFLICT when someone changed the order meanwhile.
 */
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { useTRPC } from "@/components/providers/trpc";
import { ErrorText } from "@/components/ui/error-message";
import { useOrderErrorText } from "@/components/ui/order-error-text";
import { inputClass, labelClass, primaryButton } from "@/components/forms/sku-fields-editor";

const FIELDS = ["name", "line1", "line2", "district", "city", "state", "postalCode", "country"] as const;
type Field = (typeof FIELDS)[number];
type Draft = Record<Field, string>;

const LIMITS: Record<Field, number> = { name: 200, line1: 200, line2: 200, district: 120, city: 120, state: 60, postalCode: 20, country: 2 };
const REQUIRED = new Set<Field>(["line1", "city"]);

export function EditShippingAddress({ orderId, version, address }: { orderId: string; version: number; address: Partial<Record<Field, string>> | null }) {
  const t = useTranslations("orderAddress");
  const trpc = useTRPC();
  const router = useRouter();
  const errorText = useOrderErrorText();
  const start = (): Draft => ({ ...Object.fromEntries(FIELDS.map((f) => [f, address?.[f] ?? ""])), country: address?.country || "BR" }) as Draft;
  const [open, setOpen] = useState(false);
  const [draft, setDraft] = useState<Draft>(start);
  const [note, setNote] = useState("");
  const save = useMutation(
    trpc.order.correctAddress.mutationOptions({
      onSuccess: () => {
        setOpen(false);
        router.refresh();
      },
    }),
  );
  const brazil = draft.country.trim().toUpperCase() === "BR" || draft.country.trim() === "";

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    save.mutate({ orderId, expectedVersion: version, shippingAddress: { ...draft, country: draft.country.trim() || "BR" }, note });
  }

  if (!open) {
    return (
      <div className="space-y-2">
        <button
          type="button"
          className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium hover:bg-slate-50"
          onClick={() => {
            save.reset();
            setDraft(start());
            setNote("");
            setOpen(true);
          }}
          data-testid="edit-address-open"
        >
          {t("edit")}
        </button>
        {save.isSuccess && (
          <p role="status" className="text-sm text-green-700" data-testid="edit-address-saved">
            {save.data.changed ? t("saved") : t("unchanged")}
          </p>
        )}
      </div>
    );
  }

  const input = (f: Field, extra: { placeholder?: string; upper?: boolean } = {}) => (
    <label className={labelClass} key={f}>
      {t(f)}
      <input
        className={inputClass}
        value={draft[f]}
        maxLength={LIMITS[f]}
        required={REQUIRED.has(f) || (brazil && (f === "state" || f === "postalCode"))}
        placeholder={extra.placeholder}
        onChange={(e) => setDraft((d) => ({ ...d, [f]: extra.upper ? e.target.value.toUpperCase() : e.target.value }))}
        data-testid={`edit-address-${f}`}
      />
    </label>
  );

  return (
    <form onSubmit={onSubmit} className="space-y-3 rounded-lg border border-slate-200 bg-slate-50 p-3" data-testid="edit-address-form">
      <h3 className="text-sm font-semibold">{t("title")}</h3>
      <p className="text-xs text-slate-500">{t("help")}</p>
      {input("name")}
      {input("line1")}
      <div className="grid gap-3 sm:grid-cols-2">
        {input("line2")}
        {input("district")}
      </div>
      {input("city")}
      <div className="grid gap-3 sm:grid-cols-3">
        {input("state", { placeholder: t("statePlaceholder"), upper: true })}
        {input("postalCode", { placeholder: t("postalCodePlaceholder") })}
        {input("country", { upper: true })}
      </div>
      <label className={labelClass}>
        {t("note")}
        <input className={inputClass} value={note} maxLength={500} placeholder={t("notePlaceholder")} onChange={(e) => setNote(e.target.value)} data-testid="edit-address-note" />
      </label>
      <ErrorText text={errorText(save.error)} />
      <div className="flex items-center gap-3">
        <button type="submit" className={primaryButton} disabled={save.isPending} data-testid="edit-address-save">
          {save.isPending ? t("saving") : t("save")}
        </button>
        <button type="button" className="text-sm text-slate-600 hover:underline" onClick={() => setOpen(false)}>
          {t("cancel")}
        </button>
      </div>
    </form>
  );
}
