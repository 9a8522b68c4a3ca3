/**
 * A person types a tracking event on the shipment page (WAREHOUSE, OPERATOR,
 * ADMIN): what the carrier's site or the driver said. Same rules as the
 * carrier's webhook; the event id is generated, the timeline names the person.
 */
import { randomUUID } from "node:crypto";
import { z } from "zod";
import type { SessionUser } from "@/server/auth/options";
import { userActor } from "@/server/services/order/actor";
import { recordTrackingEvent, type TrackingResult } from "./record-tracking-event";
import { TRACKING_STATUSES } from "./shipment-status";
import { assertRole, TRACKING_ENTRY_ROLES } from "./shipping-roles";
import { MAX_FUTURE_MS } from "./tracking-input";

export const addTrackingEventInput = z.object({
  shipmentId: z.uuid(),
  status: z.enum(TRACKING_STATUSES),
  occurredAt: z.date().refine((d) => d.getTime() <= Date.now() + MAX_FUTURE_MS, "The time is in the future"),
  description: z.string().trim().max(500).optional(),
  location: z.string().trim().max(200).optional(),
});
export type AddTrackingEventInput = z.input<typeof addTrackingEventInput>;

export async function addTrackingEvent(opts: { actor: SessionUser; input: AddTrackingEventInput }): Promise<TrackingResult> {
  assertRole(TRACKING_ENTRY_ROLES, opts.actor, "record tracking events");
  const input = addTrackingEventInput.parse(opts.input);
  return recordTrackingEvent({
    shipmentId: input.shipmentId,
    source: "manual",
    actor: userActor(opts.actor),
    event: {
      externalId: `manual:${randomUUID()}`,
      status: input.status,
      occurredAt: input.occurredAt,
      description: input.description || null,
      location: input.location || null,
    },
  });
}
