/** Payment status of a Mercado Livre order from its `payments[]`. */
import type { Cents } from "@/server/lib/money";
import { cents, centsOrZero, str, type JsonObject } from "../read";
import type { PaymentStatus } from "../types";

/**
 * - some approved: refunds on them (or a refunded/charged_back payment) →
 *   PARTIALLY_REFUNDED (REFUNDED when everything approved was refunded); else
 *   PAID when the approved transaction_amount sum reaches total_amount,
 *   PARTIALLY_PAID below it;
 * - none approved: refunded/charged_back → REFUNDED; authorized → AUTHORIZED;
 *   pending/in_process/in_mediation → PENDING; only rejected/cancelled → FAILED;
 * - no payments yet → PENDING.
 */
export function mercadoLivrePaymentStatus(payments: JsonObject[], totalCents: Cents, what: string): PaymentStatus {
  if (payments.length === 0) return "PENDING";
  const statuses = payments.map((p) => str(p, "status")?.toLowerCase() ?? "");
  let approved = 0;
  let refunded = 0;
  payments.forEach((p, i) => {
    if (statuses[i] !== "approved") return;
    approved += cents(p.transaction_amount, `${what} payments[${i}].transaction_amount`);
    refunded += centsOrZero(p.transaction_amount_refunded, `${what} payments[${i}].transaction_amount_refunded`);
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
