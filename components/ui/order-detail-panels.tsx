/** The side panels of the order detail page: customer and addresses, payment, fulfilment, channel, holds. */
import Link from "next/link";
import type { ReactNode } from "react";
import { useFormatter, useLocale, useTranslations } from "next-intl";
import { addressLines } from "@/components/ui/address-lines";
import { AllocationDecision } from "@/components/ui/allocation-decision";
import { FulfillmentStatusBadge, PaymentStatusBadge } from "@/components/ui/order-badges";
import type { FulfillmentStatus, HoldReason, PaymentStatus } from "@/server/services/order/order-dimensions";
import { formatDocument } from "@/server/lib/br-documents";
import { useLedgerReason } from "@/components/ui/ledger-reason";
import { readLedgerReason } from "@/server/services/stock/ledger-reasons";

export function Panel({ title, children, testId }: { title: string; children: ReactNode; testId?: string }) {
  return (
    <section className="rounded-xl border border-slate-200 bg-white p-4" data-testid={testId}>
      <h2 className="mb-3 font-semibold">{title}</h2>
      {children}
    </section>
  );
}

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="flex justify-between gap-3 py-0.5 text-sm">
      <dt className="text-slate-500">{label}</dt>
      <dd className="text-right">{children}</dd>
    </div>
  );
}

interface Address {
  name?: string;
  line1?: string;
  line2?: string;
  district?: string;
  city?: string;
  state?: string;
  postalCode?: string;
  country?: string;
  phone?: string;
}

function AddressBlock({ title, address, testId }: { title: string; address: Address | null; testId: string }) {
  const t = useTranslations("orders.detail");
  const locale = useLocale();
  const lines = address ? addressLines(address, locale) : [];
  return (
    <div className="mt-3" data-testid={testId}>
      <h3 className="text-xs font-medium uppercase tracking-wide text-slate-500">{title}</h3>
      {lines.length === 0 ? (
        <p className="text-sm text-slate-500">{t("noAddress")}</p>
      ) : (
        <address className="text-sm not-italic">
          {lines.map((l, i) => (
            <div key={i}>{l}</div>
          ))}
        </address>
      )}
    </div>
  );
}

export function CustomerPanel(props: {
  name: string;
  email: string | null;
  customer: { id: string; phone: string | null; document: string | null } | null;
  shippingAddress: Address | null;
  billingAddress: Address | null;
}) {
  const t = useTranslations("orders.detail");
  return (
    <Panel title={t("customer")} testId="customer-panel">
      <div className="font-medium" data-testid="customer-name">
        {/* The order page and /customers are open to the same roles (server/auth/page-access.ts). */}
        {props.customer ? <Link href={`/customers/${props.customer.id}`} className="text-brand-700 hover:underline">{props.name}</Link> : props.name}
      </div>
      <dl>
        {props.email && <Row label={t("email")}>{props.email}</Row>}
        {props.customer?.phone && <Row label={t("phone")}>{props.customer.phone}</Row>}
        {props.customer?.document && <Row label={t("document")}>{formatDocument(props.customer.document)}</Row>}
      </dl>
      <AddressBlock title={t("shippingAddress")} address={props.shippingAddress} testId="shipping-address" />
      <AddressBlock title={t("billingAddress")} address={props.billingAddress} testId="billing-address" />
    </Panel>
  );
}

export function PaymentPanel({ status, method }: { status: PaymentStatus; method: string | null }) {
  const t = useTranslations("orders.detail");
  const methods = useTranslations("orders.paymentMethods");
  // The channel's own code: a known one in the reader's words, any other made readable ("shopify_payments" → "Shopify Payments").
  const paymentMethodLabel = (code: string) =>
    methods.has(code.toLowerCase() as "pix") ? methods(code.toLowerCase() as "pix") : code.replace(/[_-]+/g, " ").replace(/\b\p{Ll}/gu, (c) => c.toUpperCase());
  return (
    <Panel title={t("payment")} testId="payment-panel">
      <dl>
        <Row label={t("paymentStatus")}>
          <PaymentStatusBadge status={status} />
        </Row>
        {method && <Row label={t("paymentMethod")}>{paymentMethodLabel(method)}</Row>}
      </dl>
    </Panel>
  );
}

export function FulfillmentPanel(props: { status: FulfillmentStatus; warehouse: { code: string; name: string } | null; allocation: unknown; shipBy: Date | null }) {
  const t = useTranslations("orders.detail");
  const columns = useTranslations("orders.columns");
  const format = useFormatter();
  return (
    <Panel title={t("fulfillment")} testId="fulfillment-panel">
      <dl>
        <Row label={t("fulfillmentStatus")}>
          <FulfillmentStatusBadge status={props.status} />
        </Row>
        <Row label={t("warehouse")}>{props.warehouse ? `${props.warehouse.code} · ${props.warehouse.name}` : t("noWarehouse")}</Row>
        {props.shipBy && <Row label={columns("shipBy")}>{format.dateTime(props.shipBy, { dateStyle: "short", timeStyle: "short" })}</Row>}
      </dl>
      {props.allocation !== null && props.allocation !== undefined && (
        <div className="mt-3 text-sm" data-testid="allocation">
          <h3 className="text-xs font-medium uppercase tracking-wide text-slate-500">{t("allocation")}</h3>
          <AllocationDecision record={props.allocation} />
          <details className="mt-1">
            <summary className="cursor-pointer text-xs text-slate-500">{t("allocationRaw")}</summary>
            <pre className="mt-1 max-h-64 overflow-auto rounded bg-slate-50 p-2 text-xs">{JSON.stringify(props.allocation, null, 2)}</pre>
          </details>
        </div>
      )}
    </Panel>
  );
}

export function ChannelPanel(props: { channel: { name: string; platform: string }; externalId: string; channelUpdatedAt: Date; sourceDeliveryId: string | null }) {
  const t = useTranslations();
  const format = useFormatter();
  return (
    <Panel title={t("orders.detail.channel")} testId="channel-panel">
      <dl>
        <Row label={t("orders.detail.channel")}>
          {props.channel.name} · {t(`platform.${props.channel.platform}`)}
        </Row>
        <Row label={t("orders.detail.externalId")}>
          <span className="font-mono text-xs">{props.externalId}</span>
        </Row>
        <Row label={t("orders.detail.channelUpdatedAt")}>{format.dateTime(props.channelUpdatedAt, { dateStyle: "short", timeStyle: "short" })}</Row>
      </dl>
      <p className="mt-2 text-sm">
        {props.sourceDeliveryId ? (
          <Link href={`/deliveries/${props.sourceDeliveryId}`} className="text-brand-600 hover:underline" data-testid="raw-delivery-link">
            {t("orders.detail.rawDelivery")}
          </Link>
        ) : (
          <span className="text-slate-500">{t("orders.detail.noDelivery")}</span>
        )}
      </p>
    </Panel>
  );
}

interface Hold {
  id: string;
  reason: HoldReason;
  note: string | null;
  active: boolean;
  createdAt: Date;
  createdBy: string | null;
  releasedAt: Date | null;
  releasedBy: string | null;
  releaseNote: string | null;
}

export function HoldsPanel({ holds }: { holds: Hold[] }) {
  const t = useTranslations();
  const format = useFormatter();
  const when = (d: Date) => format.dateTime(d, { dateStyle: "short", timeStyle: "short" });
  const systemText = useLedgerReason();
  // Fluxo's own notes (e.g. units that could not be reserved) read in the reader's language; a person's note as typed, labelled as a note.
  const noteText = (text: string) => (readLedgerReason(text) ? systemText(text) : t("orders.timeline.note", { note: text }));
  return (
    <Panel title={t("orders.holds.title")} testId="holds-panel">
      {holds.length === 0 ? (
        <p className="text-sm text-slate-500">{t("orders.holds.none")}</p>
      ) : (
        <ul className="space-y-2 text-sm">
          {holds.map((h) => (
            <li key={h.id} data-testid="hold" data-active={String(h.active)} data-reason={h.reason}>
              <div className="flex items-center gap-2">
                <span className="font-medium">{t(`holdReason.${h.reason}`)}</span>
                <span className={`rounded-full px-2 text-xs ${h.active ? "bg-red-100 text-red-800" : "bg-slate-100 text-slate-600"}`}>
                  {h.active ? t("orders.holds.active") : t("orders.holds.released")}
                </span>
              </div>
              {h.note && <div className="text-slate-700" data-testid="hold-note">{noteText(h.note)}</div>}
              <div className="text-xs text-slate-500">{t("orders.holds.placedBy", { date: when(h.createdAt), name: h.createdBy ?? t("common.actor.system") })}</div>
              {h.releasedAt && (
                <div className="text-xs text-slate-500">{t("orders.holds.releasedBy", { date: when(h.releasedAt), name: h.releasedBy ?? t("common.actor.system") })}</div>
              )}
              {h.releaseNote && <div className="text-slate-700" data-testid="hold-release-note">{noteText(h.releaseNote)}</div>}
            </li>
          ))}
        </ul>
      )}
    </Panel>
  );
}
