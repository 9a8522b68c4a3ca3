/** Carrier rows as screens see them. Only the admin view carries the tracking token. */
import { randomBytes } from "node:crypto";
import { z } from "zod";
import { ruled } from "@/server/lib/zod-issue-view";
import type { CarrierKind } from "./carriers/carrier-adapter";

export const CARRIER_KINDS = ["CORREIOS", "GENERIC", "MANUAL"] as const satisfies readonly CarrierKind[];

export const carrierServicesInput = z
  .array(z.string().trim().min(1).max(40))
  .min(1, "Give at least one service")
  .max(20)
  .refine((list) => new Set(list.map((s) => s.toUpperCase())).size === list.length, ruled("UNIQUE_ITEMS", "Each service once"));

/** Carrier.services is JSON: keep the strings, drop anything else. */
export function readServices(json: unknown): string[] {
  return Array.isArray(json) ? json.filter((s): s is string => typeof s === "string" && s.trim() !== "") : [];
}

export function generateTrackingToken(): string {
  return randomBytes(24).toString("hex");
}

export const CARRIER_ADMIN_SELECT = { id: true, code: true, name: true, kind: true, services: true, active: true, trackingToken: true } as const;

export interface CarrierAdminView {
  id: string;
  code: string;
  name: string;
  kind: CarrierKind;
  services: string[];
  active: boolean;
  trackingToken: string;
  /** Where the carrier posts tracking events (path; the page adds the origin). */
  trackingPath: string;
  shipmentCount: number;
}

export function toCarrierAdminView(
  row: { id: string; code: string; name: string; kind: CarrierKind; services: unknown; active: boolean; trackingToken: string },
  shipmentCount: number,
): CarrierAdminView {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    kind: row.kind,
    services: readServices(row.services),
    active: row.active,
    trackingToken: row.trackingToken,
    trackingPath: `/api/carriers/${encodeURIComponent(row.code)}/tracking`,
    shipmentCount,
  };
}

export interface CarrierOption {
  id: string;
  code: string;
  name: string;
  kind: CarrierKind;
  services: string[];
  typedTrackingNumber: boolean;
}
