/**
 * Inputs of the catalogue's use cases (zod): shapes and ranges only. The rules
 * that need a message of their own (EAN check digit, NCM, code shape,
 * uniqueness, variants) are checked by the services with sku-rules.ts.
 * Money is integer cents; weights in grams and sizes in millimetres are whole numbers.
 */
import { z } from "zod";

const optionalText = (max: number) => z.string().max(max).nullish();
const grams = z.number().int().min(0).max(1_000_000);
const mm = z.number().int().min(0).max(10_000);

/** What a SKU carries besides its code (fixed once created: channels and order lines refer to it). */
export const skuFieldsInput = z.object({
  /** The printed name; empty: the product's name and the variant ("Camiseta Básica Azul M"). */
  name: z.string().max(200).optional(),
  /** "Azul / M"; required when the product has several SKUs. */
  variant: optionalText(100),
  ean: optionalText(20),
  ncm: optionalText(20),
  weightGrams: grams,
  lengthMm: mm,
  widthMm: mm,
  heightMm: mm,
  priceCents: z.number().int().min(0).max(100_000_000),
  active: z.boolean().default(true),
});

export const newSkuInput = skuFieldsInput.extend({ code: z.string().max(60) });
export type NewSkuInput = z.input<typeof newSkuInput>;

const productFields = {
  name: z.string().trim().min(1).max(200),
  brand: optionalText(100),
  description: optionalText(2000),
};

export const createProductInput = z.object({ ...productFields, skus: z.array(newSkuInput).min(1).max(100) });
export type CreateProductInput = z.input<typeof createProductInput>;

export const updateProductInput = z.object({ productId: z.string().uuid(), ...productFields });
export type UpdateProductInput = z.input<typeof updateProductInput>;

export const addSkuInput = newSkuInput.extend({ productId: z.string().uuid() });
export type AddSkuInput = z.input<typeof addSkuInput>;

/** A patch: only the fields given change. */
export const updateSkuInput = skuFieldsInput
  .omit({ name: true, active: true })
  .partial()
  .extend({ skuId: z.string().uuid(), name: z.string().trim().min(1).max(200).optional(), active: z.boolean().optional() });
export type UpdateSkuInput = z.input<typeof updateSkuInput>;
