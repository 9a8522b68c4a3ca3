import { describe, expect, it } from "vitest";
import { ROLES, type Role } from "@/server/lib/roles";
import {
  ACTION_ROLES,
  HOLD_REASONS,
  ORDER_ACTIONS,
  ORDER_STATUSES,
  availableActions,
  decide,
  type OrderActionType,
} from "./order-state-machine";
import { CHANNEL_ONLY_ACTIONS } from "./order-actions";
import { sampleAction, snapshot } from "./order-test-fixtures";

describe("ACTION_ROLES", () => {
  const byRole = (role: Role) => ORDER_ACTIONS.filter((a) => ACTION_ROLES[a].includes(role));

  it("lets ADMIN do everything a person may, and no person record a channel's refund", () => {
    expect(CHANNEL_ONLY_ACTIONS).toEqual(["RECORD_REFUND", "CHANNEL_PAYMENT_STATUS"]);
    expect(byRole("ADMIN")).toEqual(ORDER_ACTIONS.filter((a) => !(CHANNEL_ONLY_ACTIONS as readonly string[]).includes(a)));
    for (const a of CHANNEL_ONLY_ACTIONS) expect(ACTION_ROLES[a]).toEqual([]);
  });

  it("gives OPERATOR the office actions", () => {
    expect(byRole("OPERATOR").sort()).toEqual(
      [
        "AUTHORIZE_PAYMENT",
        "MARK_PAID",
        "SEND_TO_FRAUD_REVIEW",
        "APPROVE",
        "REJECT",
        "CANCEL",
        "HOLD",
        "RELEASE",
        "REQUEST_RETURN",
        "WITHDRAW_RETURN",
        "INVOICE",
        "ALLOCATE",
        "BACKORDER",
        "REALLOCATE",
        "EXPIRE_RESERVATION",
        "PAID_AFTER_CANCEL",
      ].sort(),
    );
  });

  it("lets exactly the roles that mark an order paid record money that arrived after its cancellation", () => {
    expect(ACTION_ROLES.PAID_AFTER_CANCEL).toEqual(ACTION_ROLES.MARK_PAID);
    expect([...ACTION_ROLES.PAID_AFTER_CANCEL].sort()).toEqual(["ADMIN", "OPERATOR"]);
  });

  it("gives WAREHOUSE the floor actions", () => {
    expect(byRole("WAREHOUSE").sort()).toEqual(["START_PICKING", "SHORT_PICK", "PACK", "SHIP", "ALLOCATE", "COMPLETE_RETURN"].sort());
  });

  it("gives MANAGER approval, rejection, holds and cancellation", () => {
    expect(byRole("MANAGER").sort()).toEqual(["APPROVE", "REJECT", "HOLD", "RELEASE", "CANCEL"].sort());
  });
});

describe("availableActions", () => {
  it("offers a new order's first steps to ADMIN", () => {
    expect(availableActions(snapshot({ status: "RECEIVED", paymentStatus: "PENDING" }), "ADMIN")).toEqual([
      "AUTHORIZE_PAYMENT",
      "MARK_PAID",
      "EXPIRE_RESERVATION",
      "CANCEL",
      "HOLD",
    ]);
  });

  it("offers giving back an unpaid order's stock only while it holds some, even on hold, and never to MANAGER", () => {
    const unpaid = snapshot({ status: "RECEIVED", paymentStatus: "PENDING" });
    expect(availableActions({ ...unpaid, holdsStock: false }, "OPERATOR")).not.toContain("EXPIRE_RESERVATION");
    expect(availableActions({ ...unpaid, activeHolds: ["AWAITING_PAYMENT"] }, "OPERATOR")).toContain("EXPIRE_RESERVATION");
    expect(availableActions(unpaid, "MANAGER")).not.toContain("EXPIRE_RESERVATION");
    expect(availableActions({ ...unpaid, paymentStatus: "AUTHORIZED" }, "ADMIN")).not.toContain("EXPIRE_RESERVATION");
  });

  it("offers OPERATOR the review choices once payment is authorized", () => {
    expect(availableActions(snapshot({ status: "PAYMENT_AUTHORIZED" }), "OPERATOR")).toEqual([
      "MARK_PAID",
      "SEND_TO_FRAUD_REVIEW",
      "APPROVE",
      "CANCEL",
      "HOLD",
    ]);
  });

  it("does not offer APPROVE while payment does not cover the total", () => {
    expect(availableActions(snapshot({ status: "FRAUD_REVIEW", paymentStatus: "PENDING" }), "MANAGER")).toEqual([
      "REJECT",
      "CANCEL",
      "HOLD",
    ]);
  });

  it("does not offer ALLOCATE until every line is allocated", () => {
    expect(availableActions(snapshot({ status: "APPROVED", allLinesAllocated: false }), "WAREHOUSE")).toEqual([]);
    expect(availableActions(snapshot({ status: "APPROVED", allLinesAllocated: true }), "WAREHOUSE")).toEqual(["ALLOCATE"]);
  });

  it("offers WAREHOUSE the next floor step only", () => {
    expect(availableActions(snapshot({ status: "ALLOCATED" }), "WAREHOUSE")).toEqual(["START_PICKING"]);
    expect(availableActions(snapshot({ status: "PICKING" }), "WAREHOUSE")).toEqual(["SHORT_PICK", "PACK"]);
    expect(availableActions(snapshot({ status: "PICKING", packComplete: false }), "WAREHOUSE")).toEqual(["SHORT_PICK"]);
    expect(availableActions(snapshot({ status: "INVOICED" }), "WAREHOUSE")).toEqual(["SHIP"]);
    expect(availableActions(snapshot({ status: "PACKED" }), "WAREHOUSE")).toEqual([]);
  });

  it.each([...ORDER_STATUSES])("never offers CANCEL to WAREHOUSE (%s)", (status) => {
    expect(availableActions(snapshot({ status }), "WAREHOUSE")).not.toContain("CANCEL");
  });

  it.each([...ORDER_STATUSES])("never offers SHIP to MANAGER (%s)", (status) => {
    expect(availableActions(snapshot({ status }), "MANAGER")).not.toContain("SHIP");
  });

  it("offers SHIP to ADMIN and WAREHOUSE but not MANAGER or OPERATOR on an invoiced order", () => {
    const order = snapshot({ status: "INVOICED" });
    expect(availableActions(order, "MANAGER")).toEqual(["CANCEL", "HOLD"]);
    expect(availableActions(order, "OPERATOR")).toEqual(["MARK_PAID", "CANCEL", "HOLD"]);
    expect(availableActions(order, "ADMIN")).toEqual(["MARK_PAID", "SHIP", "CANCEL", "HOLD"]);
  });

  it("offers CANCEL on an invoiced order only while the NF-e is cancellable", () => {
    expect(availableActions(snapshot({ status: "INVOICED", invoiceCancellable: false }), "MANAGER")).toEqual(["HOLD"]);
  });

  it("on hold, offers only HOLD, RELEASE, CANCEL and MARK_PAID", () => {
    const held = snapshot({ status: "ALLOCATED", paymentStatus: "PENDING", activeHolds: ["OUT_OF_STOCK"] });
    expect(availableActions(held, "ADMIN")).toEqual(["MARK_PAID", "CANCEL", "HOLD", "RELEASE"]);
    expect(availableActions(held, "WAREHOUSE")).toEqual([]);
    expect(availableActions(held, "MANAGER")).toEqual(["CANCEL", "HOLD", "RELEASE"]);
  });

  it("stops offering HOLD once every reason is active, but offers RELEASE", () => {
    const order = snapshot({ status: "APPROVED", paymentStatus: "PAID", activeHolds: [...HOLD_REASONS] });
    expect(availableActions(order, "OPERATOR")).toEqual(["CANCEL", "RELEASE"]);
  });

  it("offers nothing on a RETURNED order except recording a late payment", () => {
    const order = snapshot({ status: "RETURNED", paymentStatus: "PAID" });
    for (const role of ROLES) expect(availableActions(order, role)).toEqual([]);
    expect(availableActions({ ...order, paymentStatus: "PENDING" }, "OPERATOR")).toEqual(["MARK_PAID"]);
  });

  it("offers recording a late payment on a cancelled order to OPERATOR and ADMIN while money can still arrive, even on hold", () => {
    const cancelled = snapshot({ status: "CANCELLED", paymentStatus: "PENDING" });
    for (const paymentStatus of ["PENDING", "AUTHORIZED", "VOIDED", "FAILED", "PARTIALLY_PAID"] as const) {
      expect(availableActions({ ...cancelled, paymentStatus }, "OPERATOR")).toEqual(["PAID_AFTER_CANCEL"]);
      expect(availableActions({ ...cancelled, paymentStatus }, "ADMIN")).toEqual(["PAID_AFTER_CANCEL"]);
    }
    expect(availableActions({ ...cancelled, activeHolds: ["OTHER"] }, "OPERATOR")).toEqual(["RELEASE", "PAID_AFTER_CANCEL"]);
    for (const paymentStatus of ["PAID", "PARTIALLY_REFUNDED", "REFUNDED"] as const) {
      expect(availableActions({ ...cancelled, paymentStatus }, "ADMIN")).toEqual([]);
    }
    expect(availableActions(cancelled, "MANAGER")).toEqual([]);
    expect(availableActions(cancelled, "WAREHOUSE")).toEqual([]);
  });

  it.each(ORDER_STATUSES.filter((s) => s !== "CANCELLED"))("never offers PAID_AFTER_CANCEL on an order that is %s", (status) => {
    expect(availableActions(snapshot({ status, paymentStatus: "PENDING" }), "ADMIN")).not.toContain("PAID_AFTER_CANCEL");
  });

  it("agrees with decide() for ADMIN on every stage, with and without a hold", () => {
    // Independent code path: decide() with a well-formed payload (HOLD with a free reason, RELEASE with an active one).
    for (const status of ORDER_STATUSES) {
      for (const activeHolds of [[], ["OUT_OF_STOCK" as const]]) {
        const order = snapshot({ status, activeHolds: [...activeHolds] });
        const viaDecide = ORDER_ACTIONS.filter((type: OrderActionType) => !(CHANNEL_ONLY_ACTIONS as readonly string[]).includes(type)).filter((type: OrderActionType) => {
          const action =
            type === "HOLD" ? { type, reason: "OTHER" as const } : type === "RELEASE" ? { type, reason: "OUT_OF_STOCK" as const } : sampleAction(type);
          return decide(order, action).ok;
        });
        expect(availableActions(order, "ADMIN")).toEqual(viaDecide);
      }
    }
  });
});
