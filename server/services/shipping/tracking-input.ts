/** The tracking event a carrier posts (and a person types), validated. */
import { z } from "zod";
import { TRACKING_STATUSES } from "./shipment-status";

/** Carriers' clocks drift; an event further in the future than this is refused. */
export const MAX_FUTURE_MS = 24 * 3600_000;

const occurredAt = z.iso
  .datetime({ offset: true })
  .transform((s) => new Date(s))
  .refine((d) => d.getTime() <= Date.now() + MAX_FUTURE_MS, "occurredAt is more than a day in the future");

export const carrierTrackingEvent = z.object({
  trackingNumber: z
    .string()
    .trim()
    .min(4)
    .max(60)
    .transform((s) => s.replace(/\s+/g, "").toUpperCase()),
  eventId: z.string().trim().min(1).max(200),
  status: z.enum(TRACKING_STATUSES),
  occurredAt,
  description: z.string().trim().max(500).optional(),
  location: z.string().trim().max(200).optional(),
});
export type CarrierTrackingEvent = z.output<typeof carrierTrackingEvent>;

export const MAX_EVENTS_PER_POST = 500;

export const carrierTrackingBatch = z.array(carrierTrackingEvent).min(1).max(MAX_EVENTS_PER_POST);
