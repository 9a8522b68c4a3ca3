/**
 * Stock 360°: reads for everyone who works with orders and stock; changing
 * stock levels (counts, transfers, damaged units, purchase orders) and the
 * thresholds (safety stock, reorder point) only for the warehouse team and admins.
 */
import { z } from "zod";
import { roleProcedure, router } from "@/server/api/trpc";
import {
  createdPurchaseOrderOutput, dryRunOutput, ledgerOpOutput, ledgerOutput, locationsOutput, purchaseOrderOutput, purchaseOrdersOutput,
  receiveOutput, reconcileOutput, skuDetailOutput, stockGridOutput, thresholdOutput,
} from "@/server/api/routers/stock/stock-schemas";
import { userActor } from "@/server/services/order/actor";
import { adjustStock, adjustStockInput } from "@/server/services/stock/adjust-stock";
import { createPurchaseOrder, createPurchaseOrderInput } from "@/server/services/stock/create-purchase-order";
import { dryRunAllocation, dryRunAllocationInput } from "@/server/services/stock/dry-run-allocation";
import { getSkuDetail } from "@/server/services/stock/get-sku-detail";
import { getSkuLedger, skuLedgerInput } from "@/server/services/stock/get-sku-ledger";
import { getStockGrid, stockGridInput } from "@/server/services/stock/get-stock-grid";
import { getPurchaseOrder, listPurchaseOrders, listPurchaseOrdersInput } from "@/server/services/stock/list-purchase-orders";
import { listStockLocations } from "@/server/services/stock/list-stock-locations";
import { receivePurchaseOrder, receivePurchaseOrderInput } from "@/server/services/stock/receive-purchase-order";
import { reconcileStock } from "@/server/services/stock/reconcile-stock";
import { setReorderPoint, setReorderPointInput, setSafetyStock, setSafetyStockInput } from "@/server/services/stock/set-stock-thresholds";
import { setUnavailable, setUnavailableInput } from "@/server/services/stock/set-unavailable";
import { transferStock, transferStockInput } from "@/server/services/stock/transfer-stock";

const readProcedure = roleProcedure("WAREHOUSE", "OPERATOR", "MANAGER", "ADMIN");
const writeProcedure = roleProcedure("WAREHOUSE", "ADMIN");

export const stockRouter = router({
  grid: readProcedure.input(stockGridInput).output(stockGridOutput).query(({ input }) => getStockGrid(input)),
  sku: readProcedure.input(z.object({ skuId: z.string().uuid() })).output(skuDetailOutput).query(({ input }) => getSkuDetail(input)),
  ledger: readProcedure.input(skuLedgerInput).output(ledgerOutput).query(({ input }) => getSkuLedger(input)),
  dryRunAllocation: readProcedure.input(dryRunAllocationInput).output(dryRunOutput).query(({ input }) => dryRunAllocation(input)),
  locations: readProcedure
    .input(z.object({ warehouseId: z.string().uuid().optional() }).optional())
    .output(locationsOutput)
    .query(({ input }) => listStockLocations(input ?? {})),
  purchaseOrders: readProcedure.input(listPurchaseOrdersInput).output(purchaseOrdersOutput).query(({ input }) => listPurchaseOrders(input)),
  purchaseOrder: readProcedure.input(z.object({ id: z.string().uuid() })).output(purchaseOrderOutput).query(({ input }) => getPurchaseOrder(input)),
  reconcile: readProcedure.output(reconcileOutput).query(() => reconcileStock()),

  adjust: writeProcedure.input(adjustStockInput).output(ledgerOpOutput).mutation(({ ctx, input }) => adjustStock({ actor: userActor(ctx.user), input })),
  transfer: writeProcedure.input(transferStockInput).output(ledgerOpOutput).mutation(({ ctx, input }) => transferStock({ actor: userActor(ctx.user), input })),
  setUnavailable: writeProcedure
    .input(setUnavailableInput)
    .output(ledgerOpOutput)
    .mutation(({ ctx, input }) => setUnavailable({ actor: userActor(ctx.user), input })),
  setSafetyStock: writeProcedure
    .input(setSafetyStockInput)
    .output(thresholdOutput)
    .mutation(({ ctx, input }) => setSafetyStock({ actor: userActor(ctx.user), input })),
  setReorderPoint: writeProcedure
    .input(setReorderPointInput)
    .output(thresholdOutput)
    .mutation(({ ctx, input }) => setReorderPoint({ actor: userActor(ctx.user), input })),
  createPurchaseOrder: writeProcedure
    .input(createPurchaseOrderInput)
    .output(createdPurchaseOrderOutput)
    .mutation(({ ctx, input }) => createPurchaseOrder({ actor: userActor(ctx.user), input })),
  receivePurchaseOrder: writeProcedure
    .input(receivePurchaseOrderInput)
    .output(receiveOutput)
    .mutation(({ ctx, input }) => receivePurchaseOrder({ actor: userActor(ctx.user), input })),
});
