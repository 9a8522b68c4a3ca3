"use client";
/**
 * A warehouse's sender (remetente) address, on the settings page (ADMIN): what
 * the shipping labels of its packages print. Every part is optional; the CEP
 * is checked on the server (8 digits) and stored "01310-100".
 */
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { useTRPC } from "@/components/providers/trpc";
import { ErrorMessage } from "@/components/ui/error-message";
import { inputClass, labelClass, primaryButton } from "@/components/forms/sku-fields-editor";

const FIELDS = ["line1", "line2", "district", "postalCode"] as const;
type Field = (typeof FIELDS)[number];
const LIMITS: Record<Field, number> = { line1: 200, line2: 200, district: 120, postalCode: 20 };

export interface WarehouseAddressRow {
  id: string;
  code: string;
  name: string;
  city: string;
  state: string;
  line1: string | null;
  line2: string | null;
  district: string | null;
  postalCode: string | null;
}

export function WarehouseAddressForm({ warehouse }: { warehouse: WarehouseAddressRow }) {
  const t = useTranslations("warehouses");
  const trpc = useTRPC();
  const router = useRouter();
  const [draft, setDraft] = useState<Record<Field, string>>(() => Object.fromEntries(FIELDS.map((f) => [f, warehouse[f] ?? ""])) as Record<Field, string>);
  const save = useMutation(trpc.settings.updateWarehouseAddress.mutationOptions({ onSuccess: () => router.refresh() }));

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    save.mutate({ warehouseId: warehouse.id, ...draft });
  }

  return (
    <form onSubmit={onSubmit} className="space-y-3 border-t border-slate-100 pt-4 first:border-t-0 first:pt-0" data-testid={`warehouse-address-${warehouse.code}`}>
      <p className="text-sm font-medium">
        {warehouse.code} · {warehouse.name} <span className="font-normal text-slate-500">({warehouse.city} - {warehouse.state})</span>
      </p>
      <div className="grid gap-3 sm:grid-cols-2">
        {FIELDS.map((f) => (
          <label key={f} className={labelClass}>
            {t(f)}
            <input
              className={inputClass}
              value={draft[f]}
              maxLength={LIMITS[f]}
              placeholder={f === "postalCode" ? t("postalCodePlaceholder") : undefined}
              onChange={(e) => {
                if (save.isSuccess) save.reset();
                setDraft((d) => ({ ...d, [f]: e.target.value }));
              }}
              data-testid={`warehouse-${f}`}
            />
          </label>
        ))}
      </div>
      <ErrorMessage error={save.error} />
      <div className="flex items-center gap-3">
        <button type="submit" className={primaryButton} disabled={save.isPending} data-testid="warehouse-address-save">
          {save.isPending ? t("saving") : t("save")}
        </button>
        {save.isSuccess && (
          <span role="status" className="text-sm text-green-700">
            {t("saved")}
          </span>
        )}
      </div>
    </form>
  );
}
