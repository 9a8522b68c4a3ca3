/**
 * What the packer scanned or typed to open a package: a tote label from a pick
 * list ("PL12-T3"), our order number ("#1042", "1042"), an order id, or the
 * channel's number/id. Pure: start-packing.ts turns it into lookups.
 */

const MAX_INT4 = 2_147_483_647;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
// "PL12-T3", "pl 12 - t 03", "PL12T3": the label printed on a pick list's tote.
const TOTE = /^PL\s*-?\s*(\d{1,9})\s*-?\s*T\s*(\d{1,4})$/i;

export type PackCode =
  | { kind: "tote"; pickListNumber: number; tote: number }
  | {
      kind: "order";
      /** Our order number, when the code can be one. */
      number: number | null;
      /** An order id, when the code is a UUID. */
      id: string | null;
      /** Texts to compare with the channel's external number / id (as read, and with/without "#"). */
      texts: string[];
    };

/** Scanners append CR/LF or tabs; people type spaces around what they read. */
export function cleanCode(raw: string): string {
  return raw.replace(/\p{Cc}+/gu, " ").trim();
}

/** The code's meaning, or null when nothing was read. */
export function parsePackCode(raw: string): PackCode | null {
  const code = cleanCode(raw);
  if (code === "") return null;
  const tote = TOTE.exec(code.replace(/\s+/g, ""));
  if (tote) {
    const pickListNumber = Number(tote[1]);
    const toteNo = Number(tote[2]);
    if (pickListNumber <= MAX_INT4) return { kind: "tote", pickListNumber, tote: toteNo };
  }
  const numeric = /^#\s*(\d{1,18})$|^(\d{1,18})$/.exec(code);
  const digits = numeric ? (numeric[1] ?? numeric[2] ?? "") : null;
  const texts = new Set([code]);
  if (digits !== null) {
    texts.add(digits);
    texts.add(`#${digits}`);
  }
  const n = digits !== null ? Number(digits) : NaN;
  return {
    kind: "order",
    number: Number.isSafeInteger(n) && n >= 1 && n <= MAX_INT4 ? n : null,
    id: UUID.test(code) ? code.toLowerCase() : null,
    texts: [...texts],
  };
}

/** The tote label printed for `tote` of pick list `pickListNumber` (the inverse of parsePackCode). */
export function toteLabel(pickListNumber: number, tote: number): string {
  return `PL${pickListNumber}-T${tote}`;
}
