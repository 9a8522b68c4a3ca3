/**
 * A person corrects a customer's name, phone or CPF/CNPJ (OPERATOR, ADMIN).
 * One transaction: the row is locked, only the fields whose value changes are
 * written, added to Customer.editedFields (a channel's later order no longer
 * overwrites them: the customer upsert in order/capture-order.ts) and audited
 * as "customer.updated" with the fields before → after (the customer page's
 * history, customer-history.ts). The e-mail is never changed here. The way
 * back, per field: follow-channel.ts.
 */
import type { SessionUser } from "@/server/auth/options";
import { db } from "@/server/db";
import { DomainError } from "@/server/lib/domain-error";
import { audit, diff } from "@/server/services/audit/audit-log";
import { updateCustomerInput, type CustomerEditableField, type UpdateCustomerInput } from "@/server/services/customer/customer-inputs";
import { mayEditCustomer } from "@/server/services/customer/customer-roles";
import { userActor } from "@/server/services/order/actor";

export const CUSTOMER_UPDATED = "customer.updated";

/** `actor`: the signed-in person; the router declares the roles, and the service refuses the others too (any caller). */
export async function updateCustomer(opts: { actor: SessionUser; input: UpdateCustomerInput }): Promise<{ id: string; changed: boolean }> {
  if (!mayEditCustomer(opts.actor.role)) throw new DomainError("FORBIDDEN", `Your role (${opts.actor.role}) may not change customers.`);
  const { customerId, ...patch } = updateCustomerInput.parse(opts.input);
  return db.$transaction(async (tx) => {
    const [row] = await tx.$queryRaw<{ name: string; phone: string | null; document: string | null; editedFields: string[] | null }[]>`
      SELECT name, phone, document, "editedFields" FROM "Customer" WHERE id = ${customerId}::uuid FOR UPDATE`;
    if (!row) throw new DomainError("NOT_FOUND", `Customer ${customerId} not found.`);
    const { editedFields, ...before } = row;
    const change = diff(before, patch);
    if (!change) return { id: customerId, changed: false };
    const fields = Object.keys(change.after) as CustomerEditableField[];
    await tx.customer.update({ where: { id: customerId }, data: { ...change.after, editedFields: [...new Set([...(editedFields ?? []), ...fields])] } });
    await audit(tx, userActor(opts.actor), CUSTOMER_UPDATED, "Customer", customerId, change);
    return { id: customerId, changed: true };
  });
}
