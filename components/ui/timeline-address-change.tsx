/**
 * The addresses an address event carries, on the order timeline: a person's
 * correction (from → to) or a channel's address that was not applied over it
 * (what the channel sent, what was kept). See order/address-correction.ts.
 */
import { useTranslations } from "next-intl";
import { formatCep } from "@/server/services/shipping/shipping-address";

type Part = "name" | "line1" | "line2" | "district" | "city" | "state" | "postalCode" | "country";

/** One line: "Ana, Rua A, 1, apto 2, Centro, São Paulo - SP, CEP 01310-100". */
export function addressLine(json: unknown): string | null {
  if (typeof json !== "object" || json === null || Array.isArray(json)) return null;
  const a = json as Record<string, unknown>;
  const v = (k: Part) => (typeof a[k] === "string" ? (a[k] as string).trim() : "");
  const cityState = [v("city"), v("state")].filter(Boolean).join(" - ");
  const country = v("country") && v("country").toUpperCase() !== "BR" ? v("country") : "";
  const parts = [v("name"), v("line1"), v("line2"), v("district"), cityState, v("postalCode") ? `CEP ${formatCep(v("postalCode"))}` : "", country];
  const text = parts.filter(Boolean).join(", ");
  return text === "" ? null : text;
}

export function TimelineAddressChange({ type, data }: { type: string; data: unknown }) {
  const t = useTranslations("orderAddress");
  if (typeof data !== "object" || data === null) return null;
  const d = data as { from?: unknown; to?: unknown; channelAddress?: unknown; kept?: unknown };
  const lines =
    type === "order.address_corrected"
      ? [t("from", { address: addressLine(d.from) ?? t("none") }), t("to", { address: addressLine(d.to) ?? t("none") })]
      : type === "order.channel_address_not_applied"
        ? [t("channelSent", { address: addressLine(d.channelAddress) ?? t("none") }), t("kept", { address: addressLine(d.kept) ?? t("none") })]
        : [];
  if (lines.length === 0) return null;
  return (
    <div className="text-sm text-slate-700" data-testid="timeline-address">
      {lines.map((l) => (
        <div key={l}>{l}</div>
      ))}
    </div>
  );
}
