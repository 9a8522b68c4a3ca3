/**
 * What a person may correct on a customer (pure: the form imports it too).
 * The e-mail is not here: it is the customer's identity key, the one a
 * channel's order is matched by (order/capture-order.ts), so it stays as the
 * channels sent it. Each field is optional (absent: unchanged); an empty phone
 * or CPF/CNPJ (or null) clears it; parsing twice gives the same values (the
 * router parses, then the service). A refused value names its rule
 * (customers.errors.<rule>).
 */
import { z } from "zod";
import { isPlausiblePhone, parseDocument } from "@/server/lib/br-documents";
import { ruled } from "@/server/lib/zod-issue-view";

/** The fields a person may correct, as Customer.editedFields names them. */
export const CUSTOMER_EDITABLE_FIELDS = ["name", "phone", "document"] as const;
export type CustomerEditableField = (typeof CUSTOMER_EDITABLE_FIELDS)[number];

const PHONE = ruled("PHONE", "Not a phone number: 8 to 15 digits, with + ( ) - . or spaces.");
const DOCUMENT = ruled("DOCUMENT", "Not a valid CPF or CNPJ: check the digits.");

export const updateCustomerInput = z.object({
  customerId: z.string().uuid(),
  /** Spaces around it are dropped and runs of spaces become one. */
  name: z.string().trim().min(1).max(200).transform((v) => v.replace(/\s+/g, " ")).optional(),
  /** As people write it ("(11) 98765-4321"); empty or null clears it. */
  phone: z
    .string()
    .trim()
    .max(40)
    .refine((v) => v === "" || isPlausiblePhone(v), PHONE)
    .nullish()
    .transform((v) => (v === "" ? null : v)),
  /** CPF or CNPJ with or without punctuation, check digits verified; stored compact. Empty or null clears it. */
  document: z
    .string()
    .trim()
    .max(30)
    .nullish()
    .transform((v, ctx) => {
      if (v === undefined) return undefined;
      if (v === null || v === "") return null;
      const doc = parseDocument(v);
      if (doc) return doc.value;
      ctx.addIssue({ code: "custom", ...DOCUMENT });
      return z.NEVER;
    }),
});
export type UpdateCustomerInput = z.input<typeof updateCustomerInput>;

/**
 * Hand a corrected field back to the channels (follow-channel.ts): it leaves Customer.editedFields, so the next
 * channel order updates it again. Audited as this action.
 */
export const CUSTOMER_FOLLOWS_CHANNEL = "customer.follows_channel";

export const followChannelInput = z.object({
  customerId: z.string().uuid(),
  field: z.enum(CUSTOMER_EDITABLE_FIELDS),
});
export type FollowChannelInput = z.input<typeof followChannelInput>;
