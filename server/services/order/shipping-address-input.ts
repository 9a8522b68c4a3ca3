/**
 * A delivery address typed by a person (the order page's "Edit shipping
 * address"), checked without the database. Pure: the form imports it too.
 * Brazil (the default): street line, city, one of the 27 UFs and an 8-digit
 * CEP, stored as "SP" and "01310-100" (what shipping-address.ts
 * missingAddressFields accepts, so a corrected order can always be approved).
 * Another country: street line and city; state and postal code as typed.
 * Refinements name their rule (errors.rule.UF / CEP / COUNTRY_CODE).
 */
import { z } from "zod";
import { normalizeCep, normalizeUf } from "@/server/lib/br-documents";
import { ruled } from "@/server/lib/zod-issue-view";
import type { OrderStatus } from "@/server/services/order/order-dimensions";

/** Before the box is closed (PACKED: its label; INVOICED: the NF-e carries the address): the stages whose address a person may correct. */
export const ADDRESS_EDITABLE_STATUSES: readonly OrderStatus[] = ["RECEIVED", "PAYMENT_AUTHORIZED", "FRAUD_REVIEW", "APPROVED", "BACKORDERED", "ALLOCATED", "PICKING"];

export function mayEditShippingAddress(status: OrderStatus): boolean {
  return ADDRESS_EDITABLE_STATUSES.includes(status);
}

const required = (max: number) => z.string().trim().min(1).max(max);

/** A real ISO 3166-1 alpha-2 region ("ZZ" and unassigned pairs are not): the runtime's own region names know them. */
export function isCountryCode(code: string): boolean {
  if (!/^[A-Z]{2}$/.test(code)) return false;
  try {
    const name = new Intl.DisplayNames(["en"], { type: "region" }).of(code);
    return name !== undefined && name !== code && name !== "Unknown Region";
  } catch {
    return false;
  }
}

/** A Brazilian street line carries the house number, or says there is none ("s/n", "sem número"). */
export function hasStreetNumber(line1: string): boolean {
  return /\d/.test(line1) || /(^|[\s,])s\.?\s?\/?\s?n\.?($|[\s,])|sem\s+n[úu]mero/i.test(line1);
}
/** Empty or blank → undefined, so the form can send what the person left empty. */
const optional = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .optional()
    .transform((v) => (v === "" ? undefined : v));

export const correctedAddressInput = z
  .object({
    /** Recipient, when not the customer. */
    name: optional(200),
    /** Street and number ("Rua das Flores, 120"). */
    line1: required(200),
    /** Complement ("apto 12"). */
    line2: optional(200),
    district: optional(120),
    city: required(120),
    state: optional(60),
    postalCode: optional(20),
    /** ISO 3166-1 alpha-2; Brazil when left out. */
    country: z
      .string()
      .trim()
      .toUpperCase()
      .refine((v) => isCountryCode(v), ruled("COUNTRY_CODE", "Use a 2-letter country code (ISO 3166), e.g. BR"))
      .default("BR"),
  })
  .superRefine((a, ctx) => {
    if (a.country !== "BR") return;
    if (a.line1 !== "" && !hasStreetNumber(a.line1)) {
      ctx.addIssue({ code: "custom", path: ["line1"], message: "Add the house number, or s/n when there is none", params: { rule: "STREET_NUMBER" } });
    }
    if (normalizeUf(a.state ?? "") === null) ctx.addIssue({ code: "custom", path: ["state"], message: "Use one of the 27 UFs, e.g. SP", params: { rule: "UF" } });
    if (normalizeCep(a.postalCode ?? "") === null) ctx.addIssue({ code: "custom", path: ["postalCode"], message: "A CEP has 8 digits, e.g. 01310-100", params: { rule: "CEP" } });
  })
  .transform((a) => {
    if (a.country !== "BR") return a;
    return { ...a, state: normalizeUf(a.state ?? "") ?? a.state, postalCode: normalizeCep(a.postalCode ?? "") ?? a.postalCode };
  });

export type CorrectedAddressInput = z.input<typeof correctedAddressInput>;
export type CorrectedAddress = z.output<typeof correctedAddressInput>;

/** Stored as the channels store it: only the parts that have a value. */
export function storedAddress(a: CorrectedAddress, keep: { phone?: string } = {}): Record<string, string> {
  const all: Record<string, string | undefined> = { ...a, ...(keep.phone ? { phone: keep.phone } : {}) };
  return Object.fromEntries(Object.entries(all).filter((e): e is [string, string] => typeof e[1] === "string" && e[1] !== ""));
}

/** The parts compared to tell two addresses apart (case and CEP punctuation aside). */
const COMPARED = ["line1", "line2", "district", "city", "state", "postalCode", "country"] as const;

function part(json: unknown, key: string): string {
  const obj = typeof json === "object" && json !== null && !Array.isArray(json) ? (json as Record<string, unknown>) : {};
  const v = typeof obj[key] === "string" ? (obj[key] as string).trim().toUpperCase() : "";
  if (key === "postalCode") return v.replace(/\D/g, "");
  if (key === "country") return v === "" ? "BR" : v;
  return v.replace(/\s+/g, " ");
}

/** Whether two stored addresses (Order.shippingAddress JSON) name the same place. */
export function sameAddress(a: unknown, b: unknown): boolean {
  if ((a === null || a === undefined) !== (b === null || b === undefined)) return false;
  return COMPARED.every((k) => part(a, k) === part(b, k));
}
