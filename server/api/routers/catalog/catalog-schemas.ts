/** Output schemas of the catalog router (inputs live next to their services). */
import { z } from "zod";

const int = z.number().int();

export const productListOutput = z.object({
  rows: z.array(z.object({
    id: z.string(), name: z.string(), brand: z.string().nullable(), skuCount: int, activeSkuCount: int,
    minPriceCents: int.nullable(), maxPriceCents: int.nullable(), onHand: int, available: int,
  })),
  nextCursor: z.string().nullable(),
});

export const productDetailOutput = z.object({
  product: z.object({ id: z.string(), name: z.string(), brand: z.string().nullable(), description: z.string().nullable(), createdAt: z.date(), updatedAt: z.date() }),
  skus: z.array(z.object({
    id: z.string(), code: z.string(), name: z.string(), variant: z.string().nullable(), ean: z.string().nullable(), ncm: z.string().nullable(),
    weightGrams: int, lengthMm: int, widthMm: int, heightMm: int, priceCents: int, reorderPoint: int, active: z.boolean(),
    stock: z.object({ onHand: int, reserved: int, unavailable: int, available: int }),
  })),
});

export const createdProductOutput = z.object({ id: z.string(), skus: z.array(z.object({ id: z.string(), code: z.string() })) });
export const createdSkuOutput = z.object({ id: z.string(), code: z.string() });
export const changedOutput = z.object({ id: z.string(), changed: z.boolean() });
