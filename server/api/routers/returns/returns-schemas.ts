/** Output shapes of the returns router (server/services/returns/*). */
import { z } from "zod";
import { HOLD_REASONS, ORDER_STATUSES } from "@/server/services/order/order-dimensions";

const hold = z.enum(HOLD_REASONS);

export const returnListOutput = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      number: z.number().int(),
      externalNumber: z.string().nullable(),
      customerName: z.string(),
      channelName: z.string(),
      placedAt: z.date(),
      warehouseCode: z.string().nullable(),
      holds: z.array(hold),
      requestedAt: z.date().nullable(),
      requestReason: z.string().nullable(),
      lines: z.array(z.object({ id: z.string(), sku: z.string(), name: z.string(), expected: z.number().int() })),
    }),
  ),
  nextCursor: z.string().nullable(),
});

export const returnDetailOutput = z.object({
  id: z.string(),
  number: z.number().int(),
  externalNumber: z.string().nullable(),
  customerName: z.string(),
  status: z.enum(ORDER_STATUSES),
  version: z.number().int(),
  holds: z.array(hold),
  requestReason: z.string().nullable(),
  warehouse: z.object({ id: z.string(), code: z.string(), name: z.string() }).nullable(),
  bins: z.array(z.object({ id: z.string(), code: z.string() })),
  lines: z.array(
    z.object({
      id: z.string(),
      lineNo: z.number().int(),
      sku: z.string(),
      name: z.string(),
      stocked: z.boolean(),
      expected: z.number().int(),
      suggestedBinId: z.string().nullable(),
    }),
  ),
  booked: z.array(
    z.object({
      id: z.string(),
      sku: z.string(),
      binCode: z.string().nullable(),
      quantity: z.number().int(),
      condition: z.enum(["SELLABLE", "DAMAGED", "QUARANTINE", "QC"]),
      actorLabel: z.string(),
      createdAt: z.date(),
    }),
  ),
});

export const completeReturnOutput = z.object({
  orderId: z.string(),
  number: z.number().int(),
  status: z.literal("RETURNED"),
  sellable: z.number().int(),
  unavailable: z.number().int(),
  holdReleased: z.boolean(),
});

export const returnIdInput = z.object({ id: z.string().max(64) });
