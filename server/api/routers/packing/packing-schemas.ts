/** Inputs and outputs of the pack station procedures. */
import { z } from "zod";
import { ORDER_STATUSES } from "@/server/services/order/order-dimensions";
import { MAX_REASON } from "@/server/services/packing/close-package";

const status = z.enum(ORDER_STATUSES);
const scanResult = z.enum(["ACCEPTED", "WRONG_ITEM", "OVER_SCAN", "UNKNOWN_CODE"]);
const packageStatus = z.enum(["OPEN", "CLOSED", "SHIPPED"]);
const uuid = z.string().uuid();
/** A scanner's line (or a typed code); control characters are stripped by the services. */
const code = z.string().min(1).max(200);

const measure = z.number().int().min(1);
export const boxSchema = z.object({
  weightGrams: measure.max(1_000_000),
  lengthMm: measure.max(10_000),
  widthMm: measure.max(10_000),
  heightMm: measure.max(10_000),
});

export const startInput = z.object({ code });
export const scanInput = z.object({ packageId: uuid, code });
export const getInput = z.object({ packageId: uuid });
export const closeInput = z.object({
  packageId: uuid,
  box: boxSchema.partial().optional(),
  override: z
    .object({ email: z.string().trim().min(1).max(200), password: z.string().min(1).max(200), reason: z.string().trim().min(1).max(MAX_REASON) })
    .optional(),
});

const line = z.object({
  lineId: z.string(),
  sku: z.string(),
  ean: z.string().nullable(),
  productName: z.string(),
  quantity: z.number().int(),
  scanned: z.number().int(),
});
const scanLog = z.object({
  id: z.string(),
  code: z.string(),
  result: scanResult,
  sku: z.string().nullable(),
  userName: z.string().nullable(),
  at: z.date(),
});
const box = z.object({ weightGrams: z.number().int(), lengthMm: z.number().int(), widthMm: z.number().int(), heightMm: z.number().int() });

export const packageOutput = z.object({
  packageId: z.string(),
  packageNumber: z.number().int(),
  status: packageStatus,
  order: z.object({
    id: z.string(),
    number: z.number().int(),
    externalNumber: z.string().nullable(),
    status,
    onHold: z.boolean(),
    channelName: z.string(),
  }),
  packerName: z.string().nullable(),
  startedAt: z.date(),
  closedAt: z.date().nullable(),
  lines: z.array(line),
  totalUnits: z.number().int(),
  scannedUnits: z.number().int(),
  complete: z.boolean(),
  defaults: box,
  box: box.nullable(),
  override: z.object({ byId: z.string(), byName: z.string().nullable(), reason: z.string() }).nullable(),
  recentScans: z.array(scanLog),
});
export const startOutput = packageOutput.extend({ resumed: z.boolean() });

export const scanOutput = z.object({
  result: scanResult,
  accepted: z.boolean(),
  lineId: z.string().nullable(),
  params: z.object({
    scanned: z.string(),
    sku: z.string().optional(),
    productName: z.string().optional(),
    lineScanned: z.number().int().optional(),
    lineQuantity: z.number().int().optional(),
    expectedSkus: z.string(),
    remainingUnits: z.number().int(),
  }),
  stillExpected: z.array(z.object({ lineId: z.string(), sku: z.string(), productName: z.string(), remaining: z.number().int() })),
  lines: z.array(line),
  totalUnits: z.number().int(),
  scannedUnits: z.number().int(),
  complete: z.boolean(),
  scan: scanLog,
});

export const closeOutput = z.object({
  packageId: z.string(),
  packageNumber: z.number().int(),
  orderId: z.string(),
  orderNumber: z.number().int(),
  orderStatus: status,
  closedAt: z.date(),
  durationSeconds: z.number().int(),
  box,
  scannedUnits: z.number().int(),
  totalUnits: z.number().int(),
  override: z.object({ byId: z.string(), byName: z.string(), reason: z.string() }).nullable(),
});
