/** Inputs and outputs of the picking router (picking-router.ts). No output carries customer data. */
import { z } from "zod";
import { PICK_LIST_STATUSES } from "@/server/services/picking/list-pick-lists";

export const pickListIdInput = z.object({ id: z.uuid() });

const lineStatus = z.enum(["PENDING", "PICKED", "SHORT"]);

export const createOutput = z.object({
  pickListId: z.string(),
  number: z.number().int(),
  warehouseId: z.string(),
  orders: z.number().int(),
  lines: z.number().int(),
  units: z.number().int(),
  groupKey: z.string().nullable().optional(),
  skippedCount: z.number().int(),
  skipped: z.array(z.object({ orderId: z.string(), reason: z.string() })),
});

export const confirmOutput = z.object({
  lineId: z.string(),
  status: z.enum(["PICKED", "SHORT"]),
  pickedQty: z.number().int(),
  pendingLines: z.number().int(),
});

export const completeOutput = z.object({
  pickListId: z.string(),
  number: z.number().int(),
  orders: z.number().int(),
  pickedUnits: z.number().int(),
  shortOrders: z.array(z.object({ orderId: z.string(), number: z.number().int(), to: z.string(), missingUnits: z.number().int() })),
});

export const pickListOutput = z.object({
  id: z.string(),
  number: z.number().int(),
  status: z.enum(PICK_LIST_STATUSES),
  createdAt: z.date(),
  completedAt: z.date().nullable(),
  warehouse: z.object({ id: z.string(), code: z.string(), name: z.string() }),
  createdBy: z.string().nullable(),
  assignedTo: z.string().nullable(),
  rule: z.record(z.string(), z.unknown()).nullable(),
  totals: z.object({
    orders: z.number().int(),
    lines: z.number().int(),
    units: z.number().int(),
    pickedUnits: z.number().int(),
    pendingLines: z.number().int(),
    shortLines: z.number().int(),
  }),
  orders: z.array(z.object({ orderId: z.string(), number: z.number().int(), tote: z.number().int(), status: z.string() })),
  lines: z.array(
    z.object({
      id: z.string(),
      orderId: z.string(),
      orderNumber: z.number().int(),
      tote: z.number().int(),
      skuId: z.string(),
      sku: z.string(),
      productName: z.string(),
      ean: z.string().nullable(),
      binId: z.string(),
      binCode: z.string(),
      quantity: z.number().int(),
      pickedQty: z.number().int(),
      status: lineStatus,
      shortReason: z.string().nullable(),
    }),
  ),
  printLines: z.array(
    z.object({
      binId: z.string(),
      binCode: z.string(),
      pickSequence: z.number().int(),
      sku: z.string(),
      productName: z.string(),
      ean: z.string().nullable(),
      totalQuantity: z.number().int(),
      perTote: z.array(z.object({ tote: z.number().int(), orderNumber: z.number().int(), quantity: z.number().int() })),
    }),
  ),
});

export const listOutput = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      number: z.number().int(),
      status: z.enum(PICK_LIST_STATUSES),
      warehouseCode: z.string(),
      createdAt: z.date(),
      completedAt: z.date().nullable(),
      createdBy: z.string().nullable(),
      assignedTo: z.string().nullable(),
      orders: z.number().int(),
      lines: z.number().int(),
      units: z.number().int(),
      pickedUnits: z.number().int(),
      pendingLines: z.number().int(),
    }),
  ),
  nextCursor: z.string().nullable(),
});

export const warehousesOutput = z.array(z.object({ id: z.string(), code: z.string(), name: z.string(), waitingOrders: z.number().int() }));

export const pickableOrdersOutput = z.array(
  z.object({
    id: z.string(),
    number: z.number().int(),
    channelName: z.string(),
    placedAt: z.date(),
    shipBy: z.date().nullable(),
    units: z.number().int(),
    lines: z.number().int(),
  }),
);
