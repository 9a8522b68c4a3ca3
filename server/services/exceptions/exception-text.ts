/**
 * The text of an exception in the reader's language, built from its type and
 * data (the stored `message` is English, written when it was raised). Pure and
 * client-safe. Types whose data does not carry what the sentence needs return
 * null and the UI shows the stored message.
 */
/** Types with a sentence under exceptions.messages. */
export const EXCEPTION_TEXT_KEYS = ["LOW_STOCK", "OUT_OF_STOCK", "ORDER_BACKORDERED", "UNKNOWN_SKU"] as const;

export interface ExceptionText {
  key: (typeof EXCEPTION_TEXT_KEYS)[number];
  params: Record<string, string | number>;
}

interface LineRef {
  sku?: unknown;
  quantity?: unknown;
}

function linesOf(data: Record<string, unknown>): string | null {
  const lines = Array.isArray(data.lines) ? (data.lines as LineRef[]) : [];
  const parts = lines.filter((l) => typeof l.sku === "string" && typeof l.quantity === "number").map((l) => `${l.sku as string} × ${l.quantity as number}`);
  return parts.length ? parts.join(", ") : null;
}

export function exceptionText(type: string, data: unknown, orderNumber: number | null): ExceptionText | null {
  if (!data || typeof data !== "object") return null;
  const d = data as Record<string, unknown>;
  switch (type) {
    case "LOW_STOCK":
    case "OUT_OF_STOCK": {
      if (typeof d.sku !== "string" || typeof d.warehouse !== "string" || typeof d.available !== "number") return null;
      const reorderPoint = typeof d.reorderPoint === "number" ? d.reorderPoint : 0;
      return { key: type, params: { sku: d.sku, warehouse: d.warehouse, available: d.available, reorderPoint } };
    }
    case "ORDER_BACKORDERED":
    case "UNKNOWN_SKU": {
      const lines = linesOf(d);
      if (lines === null || orderNumber === null) return null;
      return { key: type, params: { order: orderNumber, lines } };
    }
    default:
      return null;
  }
}
