/**
 * The words of the orders CSV in the reader's language, from a next-intl translator over the whole catalogue
 * (getTranslations() in the route, createTranslator in tests): the header (orders.csv.*), the statuses,
 * platforms and yes / no, and the line that says where a capped export stopped.
 */
import { CHANNEL_PLATFORMS } from "@/server/channels/types";
import { CSV_COLUMNS, EXPORT_MAX_ROWS, type CsvColumn, type CsvLabels } from "@/server/services/order/export-orders";
import { FULFILLMENT_STATUSES, ORDER_STATUSES, PAYMENT_STATUSES } from "@/server/services/order/order-dimensions";

export type Say = (key: string, values?: Record<string, string | number>) => string;

export function ordersCsvLabels(say: Say, opts: { timeZone: string; locale: string; maxRows?: number }): CsvLabels {
  const words = <K extends string>(prefix: string, keys: readonly K[]) => Object.fromEntries(keys.map((k) => [k, say(`${prefix}.${k}`)])) as Record<K, string>;
  const max = new Intl.NumberFormat(opts.locale).format(opts.maxRows ?? EXPORT_MAX_ROWS);
  return {
    columns: Object.fromEntries(CSV_COLUMNS.map((c) => [c, say(`orders.csv.${c}`, { timeZone: opts.timeZone })])) as Record<CsvColumn, string>,
    values: {
      status: words("orderStatus", ORDER_STATUSES),
      paymentStatus: words("paymentStatus", PAYMENT_STATUSES),
      fulfillmentStatus: words("fulfillmentStatus", FULFILLMENT_STATUSES),
      platform: words("platform", CHANNEL_PLATFORMS),
      yes: say("common.yes"),
      no: say("common.no"),
    },
    truncated: say("orders.csv.truncated", { max }),
  };
}
