/** Input and output of order.correctAddress (order-router.ts). */
import { z } from "zod";
import { correctedAddressInput } from "@/server/services/order/shipping-address-input";

export const correctAddressInput = z.object({
  orderId: z.guid(),
  /** The version the person saw; a different one means someone else changed the order first (CONFLICT). */
  expectedVersion: z.number().int().min(0),
  shippingAddress: correctedAddressInput,
  /** Why (e.g. "the customer called"): the timeline event's reason. */
  note: z
    .string()
    .trim()
    .max(500)
    .optional()
    .transform((v) => (v === "" ? undefined : v)),
});

export const correctAddressOutput = z.object({ orderId: z.string(), version: z.number().int(), changed: z.boolean() });
