/** Output schemas of the customer router (inputs live next to their services). */
import { z } from "zod";
import { CUSTOMER_EDITABLE_FIELDS } from "@/server/services/customer/customer-inputs";
import { ORDER_STATUSES } from "@/server/services/order/order-dimensions";

const int = z.number().int();
const spent = z.array(z.object({ currency: z.string(), cents: int }));
const field = z.enum(CUSTOMER_EDITABLE_FIELDS);

export const customerListOutput = z.object({
  rows: z.array(z.object({
    id: z.string(), name: z.string(), email: z.string().nullable(), phone: z.string().nullable(), document: z.string().nullable(),
    orderCount: int, spent, lastOrderAt: z.date().nullable(),
  })),
  nextCursor: z.string().nullable(),
});

export const customerDetailOutput = z.object({
  customer: z.object({
    id: z.string(), name: z.string(), email: z.string().nullable(), phone: z.string().nullable(), document: z.string().nullable(), createdAt: z.date(),
    editedFields: z.array(field),
  }),
  figures: z.object({ orderCount: int, spent, lastOrderAt: z.date().nullable() }),
  addresses: z.array(z.object({
    name: z.string().nullable(), line1: z.string(), line2: z.string().nullable(), district: z.string().nullable(), city: z.string(),
    state: z.string().nullable(), postalCode: z.string().nullable(), country: z.string().nullable(), lastUsedAt: z.date(),
  })),
  history: z.array(z.object({
    id: z.string(), at: z.date(), by: z.string(),
    changes: z.array(z.object({ field, from: z.string().nullable(), to: z.string().nullable() })),
    followsChannel: z.object({ field, restored: z.boolean(), orderNumber: int.nullable() }).nullable(),
  })),
  orders: z.array(z.object({
    id: z.string(), number: int, channelName: z.string(), placedAt: z.date(), status: z.enum(ORDER_STATUSES), totalCents: int, currency: z.string(),
  })),
  nextCursor: z.string().nullable(),
});

export const customerUpdatedOutput = z.object({ id: z.string(), changed: z.boolean() });

export const customerFollowsChannelOutput = z.object({ id: z.string(), field, restored: z.boolean(), value: z.string().nullable(), orderNumber: int.nullable() });
