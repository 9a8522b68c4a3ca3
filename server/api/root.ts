import { createCallerFactory, router } from "@/server/api/trpc";
import { dashboardRouter } from "@/server/api/routers/dashboard/dashboard-router";
import { settingsRouter } from "@/server/api/routers/settings/settings-router";
import { orderRouter } from "@/server/api/routers/order/order-router";
import { orderEntryRouter } from "@/server/api/routers/order/order-entry-router";
import { channelRouter } from "@/server/api/routers/channel/channel-router";
import { packingRouter } from "@/server/api/routers/packing/packing-router";
import { stockRouter } from "@/server/api/routers/stock/stock-router";
import { pickingRouter } from "@/server/api/routers/picking/picking-router";
import { shippingRouter } from "@/server/api/routers/shipping/shipping-router";
import { carrierRouter } from "@/server/api/routers/shipping/carrier-router";
import { purchasingRouter } from "@/server/api/routers/purchasing/purchasing-router";
import { exceptionRouter } from "@/server/api/routers/exception/exception-router";
import { catalogRouter } from "@/server/api/routers/catalog/catalog-router";
import { customerRouter } from "@/server/api/routers/customer/customer-router";
import { returnsRouter } from "@/server/api/routers/returns/returns-router";

export const appRouter = router({
  dashboard: dashboardRouter,
  settings: settingsRouter,
  order: orderRouter,
  orderEntry: orderEntryRouter,
  channel: channelRouter,
  packing: packingRouter,
  stock: stockRouter,
  picking: pickingRouter,
  shipping: shippingRouter,
  carrier: carrierRouter,
  purchasing: purchasingRouter,
  exception: exceptionRouter,
  catalog: catalogRouter,
  customer: customerRouter,
  returns: returnsRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
