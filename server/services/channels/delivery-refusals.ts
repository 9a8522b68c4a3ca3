/**
 * Why Fluxo did not apply a delivery it could read: one of its own services
 * refused the change (a DomainError from the order or stock services, e.g. the
 * state machine refusing RECORD_REFUND of a refund of 0). Stored as English
 * (ChannelDelivery.error, logs, the platform's 202 answer) that keeps the
 * service's own message for support, with the error's code and values, and read
 * back into code and values with the same template, so that Channel deliveries
 * words it like every other DomainError in the app (errors.<code>, the order
 * rules and fields: components/ui/order-error-sentence.ts). The message is
 * quoted and written JSON-escaped and the values are JSON, so both read back
 * exactly. Pure and client-safe.
 */
import { DOMAIN_ERROR_CODES, type DomainErrorCode } from "@/server/lib/domain-error";
import { templateTable } from "@/server/lib/text-templates";

export const DELIVERY_REFUSAL = { refused: 'Not applied ({code}): "{message}" {params}' } as const;

const TABLE = templateTable<keyof typeof DELIVERY_REFUSAL>("delivery refusal", DELIVERY_REFUSAL, [], ["message"]);

export type RefusalParams = Record<string, string | number>;

export interface DeliveryRefusal {
  code: DomainErrorCode;
  params: RefusalParams;
}

/** The English text of a service's refusal, as stored (a DomainError: code, message, params). */
export function deliveryRefusalText(e: { code: DomainErrorCode; message: string; params: RefusalParams }): string {
  return TABLE.write("refused", { code: e.code, message: e.message, params: JSON.stringify(e.params) });
}

const isCode = (c: string): c is DomainErrorCode => (DOMAIN_ERROR_CODES as readonly string[]).includes(c);

function paramsOf(json: string): RefusalParams | null {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return null;
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) return null;
  const entries = Object.entries(value);
  return entries.every(([, v]) => typeof v === "string" || (typeof v === "number" && Number.isFinite(v))) ? (Object.fromEntries(entries) as RefusalParams) : null;
}

/** The code and values of a stored refusal; null for any other text (one stored before refusals had a template). */
export function readDeliveryRefusal(text: string | null | undefined): DeliveryRefusal | null {
  const read = TABLE.read(text);
  if (!read) return null;
  const { code = "", params = "" } = read.params;
  const values = paramsOf(params);
  return isCode(code) && values ? { code, params: values } : null;
}

/** The service's own English message in a stored refusal (for logs and support). */
export function refusalMessage(text: string | null | undefined): string | null {
  return TABLE.read(text)?.params.message ?? null;
}
