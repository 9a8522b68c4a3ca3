/** Payment status of a Mercado Livre order from its `payments[]`. */
import type { Cents } from "@/server/lib/money";
import { cents, centsOrZero, isObject, str } from "../read";
import type { PaymentStatus } from "../types";
import type { Where } from "../where";

/**
 * - some approved: refunds on them (or a refunded/charged_back payment) →
 *   PARTIALLY_REFUNDED (REFUNDED when everything approved was refunded); else
 *   PAID when the approved transaction_amount sum reaches total_amount,
 *   PARTIALLY_PAID below it;
 * - none approved: refunded/charged_back → REFUNDED; authorized → AUTHORIZED;
 *   pending/in_process/in_mediation → PENDING; only rejected/cancelled → FAILED;
 * - no payments yet → PENDING.
 */
/** `payments`: the order's `payments` as sent (at `where`); entries that are not objects are left out. */
export function mercadoLivrePaymentStatus(payments: unknown[], totalCents: Cents, where: Where): PaymentStatus {
  const valid = payments.flatMap((p, i) => (isObject(p) ? [{ p, at: where.at(i) }] : []));
  if (valid.length === 0) return "PENDING";
  const statuses = valid.map(({ p }) => str(p, "status")?.toLowerCase() ?? "");
  let approved = 0;
  let refunded = 0;
  valid.forEach(({ p, at }, i) => {
    if (statuses[i] !== "approved") return;
    approved += cents(p.transaction_amount, at.at("transaction_amount"));
    refunded += centsOrZero(p.transaction_amount_refunded, at.at("transaction_amount_refunded"));
  });
  const anyRefunded = statuses.some((s) => s === "refunded" || s === "charged_back");
  if (approved > 0) {
    if (refunded >= approved) return "REFUNDED";
    if (refunded > 0 || anyRefunded) return "PARTIALLY_REFUNDED";
    return approved >= totalCents ? "PAID" : "PARTIALLY_PAID";
  }
  if (anyRefunded) return "REFUNDED";
  if (statuses.includes("authorized")) return "AUTHORIZED";
  if (statuses.some((s) => s === "pending" || s === "in_process" || s === "in_mediation")) return "PENDING";
  if (statuses.every((s) => s === "rejected" || s === "cancelled")) return "FAILED";
  return "PENDING";
}
