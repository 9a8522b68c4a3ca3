/**
 * A person hands a corrected field of a customer back to the channels
 * (OPERATOR, ADMIN): the way back from update-customer.ts. One transaction:
 * the customer row is locked, the field leaves Customer.editedFields (the
 * capture upsert, order/capture-order.ts, updates it again from the next
 * channel order) and, when the customer's latest order carries the channel's
 * value for it (channel-customer-values.ts), that value is restored at once;
 * otherwise the next order brings it. Audited as "customer.follows_channel"
 * (field, whether restored, from which order, the value before → after when it
 * changed) and shown in the customer's history (customer-history.ts).
 *
 * A field that already follows the channels is refused (CONFLICT): a second
 * click, or two people at once (the row lock orders them), changes nothing.
 */
import type { SessionUser } from "@/server/auth/options";
import { db } from "@/server/db";
import { DomainError } from "@/server/lib/domain-error";
import { audit } from "@/server/services/audit/audit-log";
import { channelCustomerValues } from "@/server/services/customer/channel-customer-values";
import { CUSTOMER_FOLLOWS_CHANNEL, followChannelInput, type CustomerEditableField, type FollowChannelInput } from "@/server/services/customer/customer-inputs";
import { mayEditCustomer } from "@/server/services/customer/customer-roles";
import { userActor } from "@/server/services/order/actor";

export interface FollowChannelResult {
  id: string;
  field: CustomerEditableField;
  /** The latest order's value is the customer's now (it may have been the same already). */
  restored: boolean;
  /** The field's value now. */
  value: string | null;
  /** The order the value came from (null: not restored). */
  orderNumber: number | null;
}

/** `actor`: the signed-in person; the router declares the roles, and the service refuses the others too (any caller). */
export async function followChannel(opts: { actor: SessionUser; input: FollowChannelInput }): Promise<FollowChannelResult> {
  if (!mayEditCustomer(opts.actor.role)) throw new DomainError("FORBIDDEN", `Your role (${opts.actor.role}) may not change customers.`);
  const { customerId, field } = followChannelInput.parse(opts.input);
  return db.$transaction(async (tx) => {
    const [row] = await tx.$queryRaw<{ name: string; phone: string | null; document: string | null; editedFields: string[] | null }[]>`
      SELECT name, phone, document, "editedFields" FROM "Customer" WHERE id = ${customerId}::uuid FOR UPDATE`;
    if (!row) throw new DomainError("NOT_FOUND", `Customer ${customerId} not found.`);
    const edited = row.editedFields ?? [];
    if (!edited.includes(field)) {
      throw new DomainError("CONFLICT", `The customer's ${field} was not corrected: it already follows the channels.`, { rule: "ALREADY_FOLLOWS_CHANNEL", field });
    }
    const latest = await channelCustomerValues(tx, customerId);
    const channelValue = latest?.values[field] ?? null;
    const current = row[field];
    const changes = channelValue !== null && channelValue !== current;
    await tx.customer.update({
      where: { id: customerId },
      data: { editedFields: edited.filter((f) => f !== field), ...(changes ? { [field]: channelValue } : {}) },
    });
    const restored = channelValue !== null;
    const orderNumber = restored && latest ? latest.orderNumber : null;
    await audit(tx, userActor(opts.actor), CUSTOMER_FOLLOWS_CHANNEL, "Customer", customerId, {
      field,
      restored,
      orderNumber,
      ...(changes ? { before: { [field]: current }, after: { [field]: channelValue } } : {}),
    });
    return { id: customerId, field, restored, value: restored ? channelValue : current, orderNumber };
  });
}
