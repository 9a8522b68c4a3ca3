/**
 * A stock movement's (or stock event's) reason in the reader's language when
 * Fluxo wrote it (server/services/stock/ledger-reasons.ts), else as a person
 * typed it.
 */
import { useTranslations } from "next-intl";
import { readLedgerReason, type LedgerReason } from "@/server/services/stock/ledger-reasons";

export function useLedgerReason(): (text: string | null) => string {
  const t = useTranslations("stock.reasons");
  const say = (r: LedgerReason): string => {
    const params: Record<string, string | number> = { ...r.params };
    for (const [name, inner] of Object.entries(r.nested ?? {})) params[name] = say(inner);
    if (typeof params.units === "string") params.units = Number(params.units);
    return t(r.key, params);
  };
  return (text) => {
    const r = readLedgerReason(text);
    return r ? say(r) : (text ?? "");
  };
}
