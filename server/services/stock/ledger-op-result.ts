/** What every manual stock operation returns to the screen. */
import type { AutoReserveResult } from "@/server/services/stock/auto-reserve-backorders";
import type { AppliedChange } from "@/server/services/stock/stock-ledger";

export interface LedgerOpResult {
  changes: {
    type: AppliedChange["type"];
    sku: string;
    warehouse: string;
    bin: string;
    onHandDelta: number;
    unavailableDelta: number;
    binOnHandAfter: number;
  }[];
  /** Units of waiting backorders reserved because of this operation. */
  backorderUnitsFilled: number;
  ordersAllocated: number;
}

export function ledgerOpResult(applied: readonly AppliedChange[], refill?: AutoReserveResult): LedgerOpResult {
  return {
    changes: applied.map((a) => ({
      type: a.type, sku: a.skuCode, warehouse: a.warehouseCode, bin: a.binCode,
      onHandDelta: a.onHandDelta, unavailableDelta: a.unavailableDelta, binOnHandAfter: a.binOnHandAfter,
    })),
    backorderUnitsFilled: refill?.filled.reduce((n, f) => n + f.quantity, 0) ?? 0,
    ordersAllocated: refill?.allocated.length ?? 0,
  };
}
