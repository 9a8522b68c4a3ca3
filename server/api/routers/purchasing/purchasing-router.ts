/**
 * Purchasing and counts: the purchase order page (costs, receipts, bins) for
 * everyone who reads stock; the cycle-count CSV import for the warehouse team
 * and admins. Creating and receiving purchase orders are stock.createPurchaseOrder
 * and stock.receivePurchaseOrder.
 */
import { z } from "zod";
import { roleProcedure, router } from "@/server/api/trpc";
import { getPurchaseOrderDetail, purchaseOrderDetailInput } from "@/server/services/stock/get-purchase-order-detail";
import { importStockCounts, importStockCountsInput } from "@/server/services/stock/import-stock-counts";

const readProcedure = roleProcedure("WAREHOUSE", "OPERATOR", "MANAGER", "ADMIN");
const writeProcedure = roleProcedure("WAREHOUSE", "ADMIN");

const int = z.number().int();
const params = z.record(z.string(), z.union([z.string(), z.number()]));

const purchaseOrderDetailOutput = z.object({
  id: z.string(), number: int, supplier: z.string(), status: z.enum(["OPEN", "PARTIALLY_RECEIVED", "RECEIVED", "CANCELLED"]),
  warehouse: z.object({ id: z.string(), code: z.string(), name: z.string() }),
  expectedAt: z.date().nullable(), createdAt: z.date(), createdBy: z.string().nullable(), currency: z.string(),
  lines: z.array(z.object({
    id: z.string(), skuId: z.string(), skuCode: z.string(), skuName: z.string(), quantityOrdered: int, quantityReceived: int, open: int,
    unitCostCents: int.nullable(), totalCostCents: int.nullable(),
  })),
  totalCostCents: int.nullable(),
  receipts: z.array(z.object({
    id: z.string(), createdAt: z.date(), skuCode: z.string(), binCode: z.string().nullable(), quantity: int, actorLabel: z.string(), reason: z.string().nullable(),
  })),
  bins: z.array(z.object({ id: z.string(), code: z.string() })),
});

const stockCountReportOutput = z.object({
  problem: z.object({ code: z.string(), params }).nullable(),
  total: int, applied: int, unchanged: int, errors: int,
  rows: z.array(z.object({
    row: int, sku: z.string(), warehouse: z.string(), bin: z.string(), counted: z.string(), status: z.enum(["APPLIED", "UNCHANGED", "ERROR"]),
    before: int.nullable(), after: int.nullable(), column: z.string(), code: z.string().nullable(), params, message: z.string(),
  })),
});

export const purchasingRouter = router({
  purchaseOrder: readProcedure.input(purchaseOrderDetailInput).output(purchaseOrderDetailOutput).query(({ input }) => getPurchaseOrderDetail(input)),
  importCounts: writeProcedure
    .input(importStockCountsInput)
    .output(stockCountReportOutput)
    .mutation(({ ctx, input }) => importStockCounts({ actor: ctx.user, csv: input.csv, fileName: input.fileName })),
});
