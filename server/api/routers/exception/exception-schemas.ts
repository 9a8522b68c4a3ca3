/** Outputs of the exception router. */
import { z } from "zod";
import { EXCEPTION_TEXT_KEYS } from "@/server/services/exceptions/exception-text";
import { EXCEPTION_STATUSES } from "@/server/services/exceptions/exception-types";

export const exceptionListOutput = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      type: z.string(),
      status: z.enum(EXCEPTION_STATUSES),
      message: z.string(),
      text: z
        .object({
          key: z.enum(EXCEPTION_TEXT_KEYS),
          params: z.record(z.string(), z.union([z.string(), z.number()])),
          orderStatusParam: z.string().optional(),
        })
        .nullable(),
      createdAt: z.date(),
      resolvedAt: z.date().nullable(),
      resolvedBy: z.string().nullable(),
      resolutionNote: z.string().nullable(),
      order: z.object({ id: z.string(), number: z.number().int() }).nullable(),
      sku: z.object({ id: z.string(), code: z.string() }).nullable(),
      shipment: z.object({ id: z.string(), trackingNumber: z.string() }).nullable(),
    }),
  ),
  nextCursor: z.string().nullable(),
});

export const exceptionCountsOutput = z.array(z.object({ type: z.string(), count: z.number().int() }));

export const resolvedExceptionOutput = z.object({
  id: z.string(),
  type: z.string(),
  status: z.literal("RESOLVED"),
  resolvedAt: z.date(),
  resolvedById: z.string(),
  resolvedBy: z.string(),
  resolutionNote: z.string(),
});
