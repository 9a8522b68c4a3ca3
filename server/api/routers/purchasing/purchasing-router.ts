/**
 * Purchasing and counts: the purchase order page (costs, receipts, history,
 * bins) for everyone who reads stock; cancelling, closing short and re-dating
 * a purchase order and the cycle-count CSV import for the warehouse team and
 * admins (like receiving). Creating and receiving purchase orders are
 * stock.createPurchaseOrder and stock.receivePurchaseOrder.
 */
import { z } from "zod";
import { roleProcedure, router } from "@/server/api/trpc";
import { userActor } from "@/server/services/order/actor";
import { cancelPurchaseOrder, cancelPurchaseOrderInput } from "@/server/services/stock/cancel-purchase-order";
import { changeExpectedDateInput, changePurchaseOrderExpectedDate } from "@/server/services/stock/change-purchase-order-expected-date";
import { closePurchaseOrderShort, closePurchaseOrderShortInput } from "@/server/services/stock/close-purchase-order-short";
import { getPurchaseOrderDetail, purchaseOrderDetailInput } from "@/server/services/stock/get-purchase-order-detail";
import { importStockCounts, importStockCountsInput } from "@/server/services/stock/import-stock-counts";
import { PO_HISTORY_KINDS } from "@/server/services/stock/purchase-order-history";
import { PO_STATES, PO_STATUSES } from "@/server/services/stock/purchase-order-state";

const readProcedure = roleProcedure("WAREHOUSE", "OPERATOR", "MANAGER", "ADMIN");
const writeProcedure = roleProcedure("WAREHOUSE", "ADMIN");

const int = z.number().int();
const params = z.record(z.string(), z.union([z.string(), z.number()]));

const poStatus = z.enum(PO_STATUSES);
const poState = z.enum(PO_STATES);

const purchaseOrderDetailOutput = z.object({
  id: z.string(), number: int, supplier: z.string(), status: poStatus, state: poState,
  actions: z.object({ receive: z.boolean(), cancel: z.boolean(), closeShort: z.boolean(), changeExpectedDate: z.boolean() }),
  warehouse: z.object({ id: z.string(), code: z.string(), name: z.string() }),
  expectedAt: z.date().nullable(), expectedDay: z.string().nullable(), createdAt: z.date(), createdBy: z.string().nullable(), currency: z.string(),
  lines: z.array(z.object({
    id: z.string(), skuId: z.string(), skuCode: z.string(), skuName: z.string(), quantityOrdered: int, quantityReceived: int, open: int, notDelivered: int,
    unitCostCents: int.nullable(), totalCostCents: int.nullable(),
  })),
  totalCostCents: int.nullable(),
  receipts: z.array(z.object({
    id: z.string(), createdAt: z.date(), skuCode: z.string(), binCode: z.string().nullable(), quantity: int, actorLabel: z.string(), reason: z.string().nullable(),
  })),
  history: z.array(z.object({
    id: z.string(), kind: z.enum(PO_HISTORY_KINDS), at: z.date(), by: z.string(),
    reason: z.string().nullable(), units: int.nullable(), status: poStatus.nullable(), from: z.date().nullable(), to: z.date().nullable(),
  })),
  bins: z.array(z.object({ id: z.string(), code: z.string() })),
});

const stateChangeOutput = z.object({ purchaseOrderId: z.string(), number: int, status: poStatus, state: poState, units: int });
const expectedDateOutput = z.object({ purchaseOrderId: z.string(), number: int, from: z.date().nullable(), to: z.date() });

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
  cancel: writeProcedure
    .input(cancelPurchaseOrderInput)
    .output(stateChangeOutput)
    .mutation(({ ctx, input }) => cancelPurchaseOrder({ actor: userActor(ctx.user), input })),
  closeShort: writeProcedure
    .input(closePurchaseOrderShortInput)
    .output(stateChangeOutput)
    .mutation(({ ctx, input }) => closePurchaseOrderShort({ actor: userActor(ctx.user), input })),
  changeExpectedDate: writeProcedure
    .input(changeExpectedDateInput)
    .output(expectedDateOutput)
    .mutation(({ ctx, input }) => changePurchaseOrderExpectedDate({ actor: userActor(ctx.user), input })),
  importCounts: writeProcedure
    .input(importStockCountsInput)
    .output(stockCountReportOutput)
    .mutation(({ ctx, input }) => importStockCounts({ actor: ctx.user, csv: input.csv, fileName: input.fileName })),
});
