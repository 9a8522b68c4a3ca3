/**
 * Order-level fulfilment status, derived by aggregation over the order's lines
 * (DOMAIN.md: "Order-level payment/fulfillment status is derived by
 * aggregation over lines and shipments").
 *
 * Line counters are cumulative unit counts: a unit that was delivered also
 * counts as shipped, packed, picked and allocated. Because some stores drop an
 * earlier counter once a later stage consumes it (e.g. the reservation is
 * consumed at dispatch), every stage is read as "reached at least": units
 * shipped = max(shipped, delivered, returned), units packed = max(packed,
 * units shipped), and so on down to allocated. `backordered` counts units
 * waiting for stock; they only matter while the line is not fully allocated.
 * `returned` counts units back from the customer (or returned to sender).
 * Lines with quantity 0 (removed/cancelled lines) are ignored.
 *
 * Precedence — the first rule that matches wins:
 *   1. no line with quantity > 0              → UNFULFILLED
 *   2. every line fully returned               → RETURNED
 *   3. every line fully delivered              → DELIVERED (a partial return stays DELIVERED;
 *                                                 returns are tracked on the return itself)
 *   4. every line fully shipped                → SHIPPED (some may still be in transit)
 *   5. some unit shipped                       → PARTIALLY_SHIPPED (any line not fully shipped
 *                                                 while some shipped)
 *   6. some line has backordered units and is
 *      not fully allocated                     → BACKORDERED (the order cannot be picked whole;
 *                                                 wins over partial picking/allocation)
 *   7. every line fully packed                 → PACKED
 *   8. every line fully picked                 → PICKED
 *   9. some unit picked or packed              → PICKING
 *  10. every line fully allocated              → ALLOCATED
 *  11. otherwise (nothing or part allocated)   → UNFULFILLED
 */
import { DomainError } from "@/server/lib/domain-error";
import type { FulfillmentStatus } from "./order-dimensions";

export interface FulfillmentLine {
  quantity: number;
  allocated: number;
  picked: number;
  packed: number;
  shipped: number;
  delivered: number;
  backordered: number;
  returned: number;
}

const COUNTERS = ["quantity", "allocated", "picked", "packed", "shipped", "delivered", "backordered", "returned"] as const;

interface Reached {
  quantity: number;
  allocated: number;
  picked: number;
  packed: number;
  shipped: number;
  delivered: number;
  returned: number;
  waitingForStock: boolean;
}

function reached(line: FulfillmentLine, index: number): Reached {
  for (const key of COUNTERS) {
    const value = line[key];
    if (!Number.isFinite(value) || value < 0) {
      throw new DomainError("VALIDATION", `Line ${index}: ${key} must be a non-negative number, got ${String(value)}`, {
        field: key,
        line: index,
      });
    }
  }
  const shipped = Math.max(line.shipped, line.delivered, line.returned);
  const packed = Math.max(line.packed, shipped);
  const picked = Math.max(line.picked, packed);
  const allocated = Math.max(line.allocated, picked);
  return {
    quantity: line.quantity,
    allocated,
    picked,
    packed,
    shipped,
    delivered: line.delivered,
    returned: line.returned,
    waitingForStock: line.backordered > 0 && allocated < line.quantity,
  };
}

type Stage = "allocated" | "picked" | "packed" | "shipped" | "delivered" | "returned";

export function deriveFulfillmentStatus(lines: readonly FulfillmentLine[]): FulfillmentStatus {
  const active = lines.map(reached).filter((l) => l.quantity > 0);
  if (active.length === 0) return "UNFULFILLED";

  const all = (stage: Stage): boolean => active.every((l) => l[stage] >= l.quantity);
  const some = (stage: Stage): boolean => active.some((l) => l[stage] > 0);

  if (all("returned")) return "RETURNED";
  if (all("delivered")) return "DELIVERED";
  if (all("shipped")) return "SHIPPED";
  if (some("shipped")) return "PARTIALLY_SHIPPED";
  if (active.some((l) => l.waitingForStock)) return "BACKORDERED";
  if (all("packed")) return "PACKED";
  if (all("picked")) return "PICKED";
  if (some("picked")) return "PICKING";
  if (all("allocated")) return "ALLOCATED";
  return "UNFULFILLED";
}
