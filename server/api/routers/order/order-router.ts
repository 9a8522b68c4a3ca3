/**
 * The orders workspace. Reads are for OPERATOR, MANAGER and ADMIN (warehouse
 * staff never see customer data); actions are gated by the same roles and
 * then, per action, by ACTION_ROLES inside applyOrderAction.
 */
import { roleProcedure, router } from "@/server/api/trpc";
import {
  actInput,
  actOutput,
  bulkInput,
  bulkOutput,
  channelsOutput,
  countsInput,
  countsOutput,
  getInput,
  getOutput,
  listOutput,
} from "@/server/api/routers/order/order-schemas";
import { applyOrderAction, applyOrderActionBulk } from "@/server/services/order/apply-order-action";
import { userActor } from "@/server/services/order/actor";
import { countOrders } from "@/server/services/order/count-orders";
import { getOrder } from "@/server/services/order/get-order";
import { listOrderChannels } from "@/server/services/order/list-order-channels";
import { listOrders } from "@/server/services/order/list-orders";
import { ORDER_VIEW_ROLES } from "@/server/services/order/order-access";
import { orderListInput } from "@/server/services/order/order-filters";
import { correctShippingAddress } from "@/server/services/order/correct-shipping-address";
import { correctAddressInput, correctAddressOutput } from "@/server/api/routers/order/order-address-schemas";

const orderProcedure = roleProcedure(...ORDER_VIEW_ROLES);

export const orderRouter = router({
  list: orderProcedure
    .input(orderListInput)
    .output(listOutput)
    .query(({ ctx, input }) => listOrders({ actor: ctx.user, ...input })),
  counts: orderProcedure
    .input(countsInput)
    .output(countsOutput)
    .query(({ ctx, input }) => countOrders({ actor: ctx.user, filter: input.filter })),
  channels: orderProcedure.output(channelsOutput).query(({ ctx }) => listOrderChannels({ actor: ctx.user })),
  get: orderProcedure
    .input(getInput)
    .output(getOutput)
    .query(({ ctx, input }) => getOrder({ actor: ctx.user, orderId: input.id })),
  act: orderProcedure
    .input(actInput)
    .output(actOutput)
    .mutation(({ ctx, input }) => applyOrderAction({ ...input, actor: userActor(ctx.user) })),
  bulk: orderProcedure
    .input(bulkInput)
    .output(bulkOutput)
    .mutation(({ ctx, input }) => applyOrderActionBulk({ orderIds: input.orderIds, action: input.action, actor: userActor(ctx.user) })),
  /** "Edit shipping address" on the order page (before the order is packed). */
  correctAddress: roleProcedure("ADMIN", "OPERATOR")
    .input(correctAddressInput)
    .output(correctAddressOutput)
    .mutation(({ ctx, input }) => correctShippingAddress({ actor: ctx.user, orderId: input.orderId, expectedVersion: input.expectedVersion, address: input.shippingAddress, note: input.note })),
});
