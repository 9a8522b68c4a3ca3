/**
 * All UI text, per language. Core texts live in en.json / pt-BR.json; each
 * area keeps its own pair of files (<area>.en.json / <area>.pt-BR.json) under
 * a top-level key named after the area. Add a pair here when you add an area;
 * messages.test.ts checks that both languages have the same keys.
 */
import en from "./en.json";
import ptBR from "./pt-BR.json";
import orderEntryEn from "./orderEntry.en.json";
import orderEntryPt from "./orderEntry.pt-BR.json";
import ordersEn from "./orders.en.json";
import ordersPt from "./orders.pt-BR.json";
import channelsEn from "./channels.en.json";
import channelsPt from "./channels.pt-BR.json";
import channelErrorsEn from "./channelErrors.en.json";
import channelErrorsPt from "./channelErrors.pt-BR.json";
import packingEn from "./packing.en.json";
import packingPt from "./packing.pt-BR.json";
import pickingEn from "./picking.en.json";
import pickingPt from "./picking.pt-BR.json";
import shippingEn from "./shipping.en.json";
import shippingPt from "./shipping.pt-BR.json";
import purchasingEn from "./purchasing.en.json";
import purchasingPt from "./purchasing.pt-BR.json";
import stockEn from "./stock.en.json";
import stockPt from "./stock.pt-BR.json";
import exceptionsEn from "./exceptions.en.json";
import exceptionsPt from "./exceptions.pt-BR.json";
import productsEn from "./products.en.json";
import productsPt from "./products.pt-BR.json";
import customersEn from "./customers.en.json";
import customersPt from "./customers.pt-BR.json";
import productImportEn from "./productImport.en.json";
import productImportPt from "./productImport.pt-BR.json";
import returnsEn from "./returns.en.json";
import returnsPt from "./returns.pt-BR.json";
import dashboardPeriodEn from "./dashboardPeriod.en.json";
import dashboardPeriodPt from "./dashboardPeriod.pt-BR.json";
import orderAddressEn from "./orderAddress.en.json";
import orderAddressPt from "./orderAddress.pt-BR.json";
import warehousesEn from "./warehouses.en.json";
import warehousesPt from "./warehouses.pt-BR.json";

type Messages = Record<string, unknown>;

const AREAS: { en: Messages; "pt-BR": Messages }[] = [
  // { en: ordersEn, "pt-BR": ordersPt },
  { en: orderEntryEn, "pt-BR": orderEntryPt },
  { en: ordersEn, "pt-BR": ordersPt },
  { en: channelsEn, "pt-BR": channelsPt },
  { en: channelErrorsEn, "pt-BR": channelErrorsPt },
  { en: packingEn, "pt-BR": packingPt },
  { en: pickingEn, "pt-BR": pickingPt },
  { en: shippingEn, "pt-BR": shippingPt },
  { en: purchasingEn, "pt-BR": purchasingPt },
  { en: stockEn, "pt-BR": stockPt },
  { en: exceptionsEn, "pt-BR": exceptionsPt },
  { en: productsEn, "pt-BR": productsPt },
  { en: customersEn, "pt-BR": customersPt },
  { en: productImportEn, "pt-BR": productImportPt },
  { en: returnsEn, "pt-BR": returnsPt },
  { en: dashboardPeriodEn, "pt-BR": dashboardPeriodPt },
  { en: orderAddressEn, "pt-BR": orderAddressPt },
  { en: warehousesEn, "pt-BR": warehousesPt },
];

function merge(base: Messages, lang: "en" | "pt-BR"): Messages {
  return AREAS.reduce<Messages>((acc, area) => ({ ...acc, ...area[lang] }), { ...base });
}

export const MESSAGES = { en: merge(en, "en"), "pt-BR": merge(ptBR, "pt-BR") } as const;
