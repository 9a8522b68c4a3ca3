/**
 * The document a delivery address came from, named in the notes Fluxo writes
 * about it ("{source} is for order …, which is not in Fluxo yet.",
 * server/services/channels/delivery-notes.ts): English as stored, read back
 * into a key and values with the same template so Channel deliveries names it
 * in the reader's language (channels.deliveries.sources.<key>). Pure and client-safe.
 */
import { templateTable, type TemplateParams } from "@/server/lib/text-templates";

export const ADDRESS_SOURCES = {
  mercadoLivreShipment: "Mercado Livre shipment {shipment}",
} as const;
export type AddressSourceKey = keyof typeof ADDRESS_SOURCES;

const table = templateTable<AddressSourceKey>("address source", ADDRESS_SOURCES);
export const ADDRESS_SOURCE_KEYS = table.keys;

export function addressSource(key: AddressSourceKey, params?: TemplateParams): string {
  return table.write(key, params);
}

export const readAddressSource = table.read;
