/** Outputs of the exception router. */
import { z } from "zod";
import { EXCEPTION_CHANGE_KEYS, EXCEPTION_TEXT_KEYS } from "@/server/services/exceptions/exception-text";
import { EXCEPTION_STATUSES } from "@/server/services/exceptions/exception-types";

/** An exception's sentence (exceptionText): key, values and the pieces the UI translates. */
export const exceptionTextOutput = z
  .object({
    key: z.enum(EXCEPTION_TEXT_KEYS),
    params: z.record(z.string(), z.union([z.string(), z.number()])),
    orderStatusParam: z.string().optional(),
    // Kept through the output parser: without it the page would print the fields' codes ("postalCode"), not their names.
    addressFieldsParam: z.string().optional(),
    changes: z
      .array(
        z.object({
          key: z.enum(EXCEPTION_CHANGE_KEYS),
          params: z.record(z.string(), z.union([z.string(), z.number()])),
          // Kept through the output parser: without it the page would print amounts as bare numbers.
          money: z.object({ currency: z.string().nullable() }).optional(),
        }),
      )
      .optional(),
    money: z.object({ params: z.array(z.string()), currency: z.string() }).optional(),
  })
  .nullable();

export const exceptionListOutput = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      type: z.string(),
      status: z.enum(EXCEPTION_STATUSES),
      message: z.string(),
      text: exceptionTextOutput,
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
