/**
 * One piece of a channel's unapplied change (exception-text.ts changesOf) in
 * the reader's language, amounts as money in the order's currency.
 */
import { useFormatter, useTranslations } from "next-intl";
import { changeParams, type ChangePiece } from "@/server/services/exceptions/exception-text";

export function useChangeText(): (c: ChangePiece) => string {
  const t = useTranslations("exceptions.changes");
  const format = useFormatter();
  return (c) => t(c.key, changeParams(c, (v, o) => format.number(v, o)));
}
