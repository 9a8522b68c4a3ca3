import { describe, expect, it } from "vitest";
import { applyTrackingEvent, isTerminalShipmentStatus, shipmentStatusRank, SHIPMENT_STATUSES, type TrackState } from "./shipment-status";

const at = (h: number) => new Date(Date.UTC(2026, 2, 10, h));

describe("shipment status ordering", () => {
  it("ranks the statuses from created to delivered", () => {
    const ranks = SHIPMENT_STATUSES.map(shipmentStatusRank);
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    expect(shipmentStatusRank("DELIVERED")).toBeGreaterThan(shipmentStatusRank("OUT_FOR_DELIVERY"));
    expect(shipmentStatusRank("OUT_FOR_DELIVERY")).toBeGreaterThan(shipmentStatusRank("IN_TRANSIT"));
    expect(isTerminalShipmentStatus("DELIVERED")).toBe(true);
    expect(isTerminalShipmentStatus("RETURNED_TO_SENDER")).toBe(true);
    expect(isTerminalShipmentStatus("DELIVERY_FAILED")).toBe(false);
  });
});

describe("applyTrackingEvent", () => {
  const created: TrackState = { status: "CREATED", lastEventAt: null };

  it("applies the first event and newer ones", () => {
    const a = applyTrackingEvent(created, { status: "IN_TRANSIT", occurredAt: at(8) });
    expect(a).toEqual({ status: "IN_TRANSIT", lastEventAt: at(8), applied: true });
    const b = applyTrackingEvent(a, { status: "OUT_FOR_DELIVERY", occurredAt: at(9) });
    expect(b).toEqual({ status: "OUT_FOR_DELIVERY", lastEventAt: at(9), applied: true });
  });

  it("lets a newer event move between non-terminal statuses in any direction (a new attempt after a failed one)", () => {
    const failed: TrackState = { status: "DELIVERY_FAILED", lastEventAt: at(10) };
    expect(applyTrackingEvent(failed, { status: "OUT_FOR_DELIVERY", occurredAt: at(30) })).toMatchObject({ status: "OUT_FOR_DELIVERY", applied: true });
  });

  it("keeps an older event as history without moving the status back", () => {
    const state: TrackState = { status: "OUT_FOR_DELIVERY", lastEventAt: at(9) };
    expect(applyTrackingEvent(state, { status: "IN_TRANSIT", occurredAt: at(7) })).toEqual({ ...state, applied: false });
  });

  it("never moves a delivered or returned shipment, even with a newer event", () => {
    const delivered: TrackState = { status: "DELIVERED", lastEventAt: at(12) };
    expect(applyTrackingEvent(delivered, { status: "IN_TRANSIT", occurredAt: at(8) })).toEqual({ ...delivered, applied: false });
    expect(applyTrackingEvent(delivered, { status: "IN_TRANSIT", occurredAt: at(20) })).toEqual({ ...delivered, applied: false });
    const returned: TrackState = { status: "RETURNED_TO_SENDER", lastEventAt: at(12) };
    expect(applyTrackingEvent(returned, { status: "DELIVERED", occurredAt: at(13) }).applied).toBe(false);
  });

  it("at the same instant only moves forward", () => {
    const state: TrackState = { status: "OUT_FOR_DELIVERY", lastEventAt: at(9) };
    expect(applyTrackingEvent(state, { status: "IN_TRANSIT", occurredAt: at(9) }).applied).toBe(false);
    expect(applyTrackingEvent(state, { status: "DELIVERED", occurredAt: at(9) })).toEqual({ status: "DELIVERED", lastEventAt: at(9), applied: true });
  });

  it("accepts a late delivery report, keeping the newest event time", () => {
    const state: TrackState = { status: "OUT_FOR_DELIVERY", lastEventAt: at(15) };
    expect(applyTrackingEvent(state, { status: "DELIVERED", occurredAt: at(14) })).toEqual({ status: "DELIVERED", lastEventAt: at(15), applied: true });
  });
});
