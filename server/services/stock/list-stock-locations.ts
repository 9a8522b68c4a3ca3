/** Warehouses and their bins in walking-path order, for the stock screens' pickers (adjust, transfer, receive). */
import { db } from "@/server/db";

/** A warehouse as the pickers and settings lists name it. */
export interface WarehouseSummary {
  id: string;
  code: string;
  name: string;
  city: string;
  state: string;
  active: boolean;
}

export interface StockLocation extends WarehouseSummary {
  bins: { id: string; code: string; zone: string; pickSequence: number }[];
}

export async function listStockLocations(opts: { warehouseId?: string } = {}): Promise<StockLocation[]> {
  return db.warehouse.findMany({
    where: opts.warehouseId ? { id: opts.warehouseId } : {},
    orderBy: { code: "asc" },
    select: {
      id: true, code: true, name: true, city: true, state: true, active: true,
      bins: { orderBy: [{ pickSequence: "asc" }, { code: "asc" }], select: { id: true, code: true, zone: true, pickSequence: true } },
    },
  });
}
