import { TRPCError } from "@trpc/server";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { z } from "zod";
import { requireRole } from "@/server/auth/session";
import { AREAS } from "@/server/auth/page-access";
import { serverCaller } from "@/server/api/caller";
import { OrderActions } from "@/components/forms/order-actions";
import { OrderLinesTable } from "@/components/tables/order-lines-table";
import { FulfillmentStatusBadge, HoldBadge, OrderStatusBadge, PaymentStatusBadge } from "@/components/ui/order-badges";
import { ChannelPanel, CustomerPanel, FulfillmentPanel, HoldsPanel, Panel, PaymentPanel } from "@/components/ui/order-detail-panels";
import type { Translate } from "@/components/ui/error-text";
import { orderNoteText } from "@/components/ui/order-note-text";
import { OrderTimeline } from "@/components/ui/order-timeline";
import { RefundDueNotice } from "@/components/ui/refund-due-notice";
import { mayResolveExceptions } from "@/server/services/exceptions/exception-types";
import { AddressIncompleteNotice } from "@/components/ui/address-incomplete-notice";
import { EditShippingAddress } from "@/components/forms/edit-shipping-address";
import { mayEditShippingAddress } from "@/server/services/order/shipping-address-input";
import { missingAddressFields } from "@/server/services/shipping/shipping-address";

async function loadOrder(id: string) {
  const caller = await serverCaller();
  try {
    return await caller.order.get({ id });
  } catch (e) {
    if (e instanceof TRPCError && e.code === "NOT_FOUND") notFound();
    throw e;
  }
}

export default async function OrderPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireRole(...AREAS.orders.roles);
  const { id } = await params;
  if (!z.guid().safeParse(id).success) notFound();
  const [order, t, format] = await Promise.all([loadOrder(id), getTranslations(), getFormatter()]);
  const when = (d: Date) => format.dateTime(d, { dateStyle: "short", timeStyle: "short" });
  const activeHolds = order.holds.filter((h) => h.active).map((h) => h.reason);
  // Before packing, a person may correct the address; an unusable one blocks APPROVE (SHIPPING_ADDRESS_COMPLETE) and says why.
  const addressEditable = mayEditShippingAddress(order.status);
  const canEditAddress = addressEditable && (user.role === "ADMIN" || user.role === "OPERATOR");
  const addressMissing = addressEditable ? missingAddressFields(order.shippingAddress) : [];

  return (
    <div className="space-y-4" data-testid="order-detail" data-order-id={order.id} data-version={order.version}>
      <Link href="/orders" className="text-sm text-brand-600 hover:underline">
        ← {t("orders.detail.back")}
      </Link>
      <header className="flex flex-wrap items-start justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold" data-testid="order-number">
            {t("orders.detail.heading", { number: order.number })}
          </h1>
          <p className="text-sm text-slate-600">
            {order.channel.name} · {t(`platform.${order.channel.platform}`)}
            {order.externalNumber && <> · {t("orders.detail.channelNumber", { channel: order.channel.name, number: order.externalNumber })}</>}
          </p>
          <p className="text-sm text-slate-500">
            {t("orders.detail.placedAt", { date: when(order.placedAt) })}
            {order.shipBy && <> · {t("orders.detail.shipBy", { date: when(order.shipBy) })}</>}
          </p>
        </div>
        <div className="flex flex-wrap items-center gap-2" data-testid="order-badges">
          <OrderStatusBadge status={order.status} />
          <PaymentStatusBadge status={order.paymentStatus} />
          <FulfillmentStatusBadge status={order.fulfillmentStatus} besideStatus={order.status} />
          {order.onHold && <HoldBadge reasons={activeHolds} />}
          {order.test && <span className="rounded-full bg-yellow-100 px-2 py-0.5 text-xs text-yellow-800">{t("orders.detail.testOrder")}</span>}
        </div>
      </header>

      {order.refundDue && <RefundDueNotice refundDue={order.refundDue} canResolve={mayResolveExceptions(user.role)} />}

      <AddressIncompleteNotice missing={addressMissing} noAddress={order.shippingAddress === null} canEdit={canEditAddress} />

      <OrderActions
        orderId={order.id}
        version={order.version}
        actions={order.availableActions}
        activeHolds={activeHolds}
        warehouse={order.warehouse}
        payment={{ status: order.paymentStatus, totalCents: order.totalCents, currency: order.currency }}
      />

      <div className="grid gap-4 lg:grid-cols-3">
        <div className="min-w-0 space-y-4 lg:col-span-2">
          <Panel title={t("orders.detail.lines")}>
            <OrderLinesTable lines={order.lines} totals={order} />
          </Panel>
          {order.note && (
            <Panel title={t("orders.detail.note")}>
              <p className="whitespace-pre-line text-sm">{orderNoteText(t as unknown as Translate, { note: order.note, platform: order.channel.platform })}</p>
            </Panel>
          )}
          <Panel title={t("orders.timeline.title")} testId="timeline-panel">
            <OrderTimeline events={order.timeline} />
          </Panel>
        </div>
        <div className="min-w-0 space-y-4">
          <CustomerPanel
            name={order.customerName}
            email={order.customerEmail}
            customer={order.customer}
            shippingAddress={order.shippingAddress}
            billingAddress={order.billingAddress}
          />
          {canEditAddress && <EditShippingAddress orderId={order.id} version={order.version} address={order.shippingAddress} />}
          <PaymentPanel status={order.paymentStatus} method={order.paymentMethod} />
          <FulfillmentPanel status={order.fulfillmentStatus} warehouse={order.warehouse} allocation={order.allocation} shipBy={order.shipBy} />
          <HoldsPanel holds={order.holds} />
          <ChannelPanel channel={order.channel} externalId={order.externalId} channelUpdatedAt={order.channelUpdatedAt} sourceDeliveryId={order.sourceDeliveryId} />
          <p className="text-xs text-slate-400">{t("orders.detail.version", { version: order.version })}</p>
        </div>
      </div>
    </div>
  );
}
