/**
 * The manual order form's state and arithmetic, kept pure: amounts are typed
 * as people write them ("1.234,56" or "1234.56") and turned into exact cents
 * with parseBrazilianOrDotDecimal; totals are integer sums, never floats.
 */
import { MoneyParseError, parseBrazilianOrDotDecimal } from "@/server/lib/money";
import type { ManualOrderInput } from "@/server/services/order/manual-order-input";

export interface DraftLine {
  sku: string;
  name: string;
  catalogPriceCents: number;
  quantity: string;
  /** Empty: the catalogue price. */
  unitPrice: string;
  discount: string;
}

export interface Draft {
  channelId: string;
  customer: { name: string; email: string; phone: string; document: string };
  address: { name: string; line1: string; line2: string; district: string; city: string; state: string; postalCode: string };
  lines: DraftLine[];
  shipping: string;
  paymentStatus: "PENDING" | "PAID";
  paymentMethod: string;
  note: string;
}

export function emptyDraft(channelId: string): Draft {
  return {
    channelId,
    customer: { name: "", email: "", phone: "", document: "" },
    address: { name: "", line1: "", line2: "", district: "", city: "", state: "", postalCode: "" },
    lines: [],
    shipping: "",
    paymentStatus: "PENDING",
    paymentMethod: "",
    note: "",
  };
}

/** Cents for a typed amount; null for empty; "amountFormat" when it is not an amount. */
export function parseAmount(text: string): number | null | "amountFormat" {
  if (text.trim() === "") return null;
  try {
    return parseBrazilianOrDotDecimal(text);
  } catch (e) {
    if (e instanceof MoneyParseError) return "amountFormat";
    throw e;
  }
}

function parseQuantity(text: string): number | null {
  return /^\d{1,4}$/.test(text.trim()) ? Number(text.trim()) : null;
}

export interface LineFigures {
  unitPriceCents: number;
  quantity: number;
  discountCents: number;
  /** Null while a part of the line cannot be read or is out of range (its field shows why): never a negative preview. */
  totalCents: number | null;
}

/** What the form can tell about a typed line without the server, keyed like the server's issue paths. */
function lineIssues(line: DraftLine, i: number): Record<string, string> {
  const issues: Record<string, string> = {};
  const quantity = parseQuantity(line.quantity);
  if (quantity === null || quantity < 1) issues[`lines.${i}.quantity`] = "quantityRange";
  const unit = parseAmount(line.unitPrice);
  if (unit === "amountFormat") issues[`lines.${i}.unitPriceCents`] = "amountFormat";
  else if (unit !== null && unit < 0) issues[`lines.${i}.unitPriceCents`] = "amountRange";
  const discount = parseAmount(line.discount);
  if (discount === "amountFormat") issues[`lines.${i}.discountCents`] = "amountFormat";
  else if (discount !== null && discount < 0) issues[`lines.${i}.discountCents`] = "amountRange";
  else if (discount !== null && quantity !== null && typeof unit !== "string" && discount > (unit ?? line.catalogPriceCents) * quantity) {
    if (Object.keys(issues).length === 0) issues[`lines.${i}.discountCents`] = "discountExceedsLine";
  }
  return issues;
}

/** What a line adds up to as typed; unparsable parts count as 0 in the parts, and the line total is null until the line is valid. */
export function lineFigures(line: DraftLine): LineFigures {
  const unit = parseAmount(line.unitPrice);
  const discount = parseAmount(line.discount);
  const unitPriceCents = typeof unit === "number" ? unit : line.catalogPriceCents;
  const quantity = parseQuantity(line.quantity) ?? 0;
  const discountCents = typeof discount === "number" ? discount : 0;
  const valid = Object.keys(lineIssues(line, 0)).length === 0;
  return { unitPriceCents, quantity, discountCents, totalCents: valid ? unitPriceCents * quantity - discountCents : null };
}

/**
 * The problems of a draft the form shows as it is typed (quantity out of
 * range, an amount that is not one or is negative, a discount over its line),
 * keyed like the server's issue paths, with the server's issue codes.
 */
export function previewIssues(draft: Draft): Record<string, string> {
  const issues: Record<string, string> = Object.assign({}, ...draft.lines.map(lineIssues)) as Record<string, string>;
  const shipping = parseAmount(draft.shipping);
  if (shipping === "amountFormat") issues.shippingCents = "amountFormat";
  else if (shipping !== null && shipping < 0) issues.shippingCents = "amountRange";
  return issues;
}

export interface DraftTotals {
  subtotalCents: number;
  discountCents: number;
  shippingCents: number;
  /** Null while any line or the shipping has a problem (previewIssues): the preview never shows a negative total. */
  totalCents: number | null;
}

/** The totals of the valid parts of the draft; the total only when every part is valid. */
export function draftTotals(draft: Draft): DraftTotals {
  const figures = draft.lines.map(lineFigures).filter((f) => f.totalCents !== null);
  const subtotalCents = figures.reduce((a, f) => a + f.unitPriceCents * f.quantity, 0);
  const discountCents = figures.reduce((a, f) => a + f.discountCents, 0);
  const shipping = parseAmount(draft.shipping);
  const shippingCents = typeof shipping === "number" && shipping >= 0 ? shipping : 0;
  const valid = Object.keys(previewIssues(draft)).length === 0;
  return { subtotalCents, discountCents, shippingCents, totalCents: valid ? subtotalCents - discountCents + shippingCents : null };
}

/**
 * The API input for a draft, and the fields that cannot be read as typed
 * (keyed like the server's issue paths: "lines.0.unitPriceCents"); the form
 * sends nothing while there are any. Everything else is the server's to judge.
 */
export function toOrderInput(draft: Draft): { input: ManualOrderInput; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const amount = (text: string, path: string): number | undefined => {
    const v = parseAmount(text);
    if (v === "amountFormat") errors[path] = "amountFormat";
    return typeof v === "number" ? v : undefined;
  };
  const lines = draft.lines.map((l, i) => ({
    sku: l.sku,
    quantity: parseQuantity(l.quantity) ?? ((errors[`lines.${i}.quantity`] = "quantityRange"), 0),
    unitPriceCents: amount(l.unitPrice, `lines.${i}.unitPriceCents`),
    discountCents: amount(l.discount, `lines.${i}.discountCents`) ?? 0,
  }));
  const input: ManualOrderInput = {
    channelId: draft.channelId,
    customer: { ...draft.customer },
    shippingAddress: { ...draft.address },
    lines,
    shippingCents: amount(draft.shipping, "shippingCents") ?? 0,
    paymentStatus: draft.paymentStatus,
    paymentMethod: draft.paymentMethod,
    note: draft.note,
  };
  return { input, errors };
}

/** The server's name (issue path) of each draft field the person types, where it differs. */
const ISSUE_FIELD: Record<string, string> = { address: "shippingAddress", shipping: "shippingCents", unitPrice: "unitPriceCents", discount: "discountCents" };

/**
 * The issue paths a change touches (keyed like toOrderInput's errors and the
 * server's issues), so the form clears their errors: `where` is "draft",
 * "customer", "address" or a line's index.
 */
export function editedIssuePaths(where: "draft" | "customer" | "address" | number, patch: object): string[] {
  const prefix = where === "draft" ? "" : typeof where === "number" ? `lines.${where}.` : `${ISSUE_FIELD[where] ?? where}.`;
  return Object.keys(patch).map((key) => `${prefix}${ISSUE_FIELD[key] ?? key}`);
}
