/**
 * The shape of a manual (phone / point-of-sale) order, checked without the
 * database. Pure: the form imports it too. Every message is an issue code that
 * the UI translates (orderEntry.issues.<code>); the service adds the checks
 * that need the database (channel, SKUs, prices) with the same codes.
 */
import { z } from "zod";
import { isPlausiblePhone, normalizeCep, normalizeUf, parseDocument } from "@/server/lib/br-documents";

/** Largest amount a money column (PostgreSQL integer) holds. */
export const MAX_CENTS = 2_147_483_647;
export const MAX_QUANTITY = 9999;
export const MAX_LINES = 200;
export const MANUAL_PAYMENT_STATUSES = ["PENDING", "PAID"] as const;

export const ISSUE_CODES = [
  "required",
  "tooLong",
  "invalid",
  "email",
  "phone",
  "document",
  "uf",
  "cep",
  "quantityRange",
  "amountRange",
  "discountExceedsLine",
  "noLines",
  "tooManyLines",
  "channelNotManual",
  "channelInactive",
  "skuNotFound",
  "skuInactive",
  "totalTooLarge",
] as const;
export type IssueCode = (typeof ISSUE_CODES)[number];

const requiredText = (max: number) => z.string({ error: "required" }).trim().min(1, "required").max(max, "tooLong");

/** Empty or blank → undefined, so the form can send what the person left empty. */
const optionalText = (max: number) =>
  z
    .string({ error: "invalid" })
    .trim()
    .max(max, "tooLong")
    .optional()
    .transform((v) => (v === "" ? undefined : v));

const cents = (error: IssueCode = "amountRange") => z.number({ error: "required" }).int(error).min(0, error).max(MAX_CENTS, error);

export const manualAddressInput = z.object({
  /** Recipient, when not the customer. */
  name: optionalText(200),
  /** Street and number ("Rua das Flores, 120"). */
  line1: requiredText(200),
  /** Complement ("apto 12"). */
  line2: optionalText(200),
  district: optionalText(120),
  city: requiredText(120),
  state: z
    .string({ error: "required" })
    .transform((v, ctx) => normalizeUf(v) ?? (ctx.addIssue({ code: "custom", message: v.trim() === "" ? "required" : "uf" }), z.NEVER)),
  postalCode: z
    .string({ error: "required" })
    .transform((v, ctx) => normalizeCep(v) ?? (ctx.addIssue({ code: "custom", message: v.trim() === "" ? "required" : "cep" }), z.NEVER)),
});

export const manualCustomerInput = z.object({
  name: requiredText(200),
  email: optionalText(200).refine((v) => v === undefined || z.email().safeParse(v).success, "email"),
  phone: optionalText(40).refine((v) => v === undefined || isPlausiblePhone(v), "phone"),
  /** CPF or CNPJ, with or without punctuation; stored compact. */
  document: optionalText(30).transform((v, ctx) => {
    if (v === undefined) return undefined;
    const doc = parseDocument(v);
    if (!doc) {
      ctx.addIssue({ code: "custom", message: "document" });
      return z.NEVER;
    }
    return doc.value;
  }),
});

export const manualLineInput = z.object({
  /** The SKU code from the catalogue. */
  sku: requiredText(80),
  quantity: z.number({ error: "required" }).int("quantityRange").min(1, "quantityRange").max(MAX_QUANTITY, "quantityRange"),
  /** Price of one unit; the catalogue price when absent. */
  unitPriceCents: cents().optional(),
  /** Discount on the whole line (all units). */
  discountCents: cents().default(0),
});

export const manualOrderInput = z
  .object({
    channelId: z.uuid({ error: "required" }),
    customer: manualCustomerInput,
    shippingAddress: manualAddressInput,
    lines: z.array(manualLineInput, { error: "noLines" }).min(1, "noLines").max(MAX_LINES, "tooManyLines"),
    shippingCents: cents().default(0),
    paymentStatus: z.enum(MANUAL_PAYMENT_STATUSES, { error: "invalid" }),
    /** How the customer pays ("Pix", "Dinheiro", "Cartão (maquininha)"). */
    paymentMethod: optionalText(60),
    note: optionalText(1000),
  })
  .superRefine((order, ctx) => {
    order.lines.forEach((line, i) => {
      if (line.unitPriceCents !== undefined && line.discountCents > line.unitPriceCents * line.quantity) {
        ctx.addIssue({ code: "custom", path: ["lines", i, "discountCents"], message: "discountExceedsLine" });
      }
    });
  });

export type ManualOrderInput = z.input<typeof manualOrderInput>;
export type ManualOrder = z.output<typeof manualOrderInput>;
