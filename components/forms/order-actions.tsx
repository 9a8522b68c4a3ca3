"use client";
/**
 * The actions the viewer may take on this order now (from the server's
 * availableActions), each behind a small confirm form with the payload it
 * needs. The server checks everything again; a conflicting change by someone
 * else comes back as CONFLICT naming the order's current stage.
 */
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { useTRPC } from "@/components/providers/trpc";
import { useOrderErrorText } from "@/components/ui/order-error-text";
import { PaidAfterCancelFields, type LatePayment } from "@/components/forms/paid-after-cancel-fields";
import { HOLD_REASONS, type HoldReason, type OrderStatus, type PaymentStatus } from "@/server/services/order/order-dimensions";
import type { OrderActionType, PersonOrderAction } from "@/server/services/order/order-actions";
import { normalizeNfeNumber, normalizeNfeSeries } from "@/server/services/order/nfe-number";

interface Props {
  orderId: string;
  version: number;
  actions: OrderActionType[];
  activeHolds: HoldReason[];
  /** Where the order ships from now (REALLOCATE may exclude it). */
  warehouse: { id: string; code: string } | null;
  /** The payment as it stands, and what the order is worth (PAID_AFTER_CANCEL says how much arrived). */
  payment: { status: PaymentStatus; totalCents: number; currency: string };
}

const DESTRUCTIVE = new Set<OrderActionType>(["CANCEL", "REJECT"]);
const field = "mt-1 block w-full rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm";

export function OrderActions({ orderId, version, actions, activeHolds, warehouse, payment }: Props) {
  const t = useTranslations();
  const trpc = useTRPC();
  const router = useRouter();
  const errorText = useOrderErrorText();
  const [open, setOpen] = useState<OrderActionType | null>(null);
  const [holdReason, setHoldReason] = useState<HoldReason | "">("");
  const [releaseReason, setReleaseReason] = useState<HoldReason | "">("");
  const [text, setText] = useState("");
  const [series, setSeries] = useState("");
  // The NF-e fields checked on submit (the server checks again): which one to point at.
  const [invoiceInvalid, setInvoiceInvalid] = useState<"number" | "series" | null>(null);
  const [reallocated, setReallocated] = useState(false);
  const [excludeCurrent, setExcludeCurrent] = useState(true);
  const [latePayment, setLatePayment] = useState<LatePayment>("PAID");
  const [done, setDone] = useState<{ type: OrderActionType; from: OrderStatus; to: OrderStatus } | null>(null);
  const act = useMutation(
    trpc.order.act.mutationOptions({
      onSuccess: (r, input) => {
        setDone({ type: input.action.type, from: r.from, to: r.to });
        setOpen(null);
        router.refresh();
      },
    }),
  );

  const freeReasons = HOLD_REASONS.filter((r) => !activeHolds.includes(r));

  function start(type: OrderActionType) {
    act.reset();
    setDone(null);
    setOpen(type);
    setText("");
    setSeries("");
    setInvoiceInvalid(null);
    setReallocated(false);
    setExcludeCurrent(true);
    setLatePayment("PAID");
    setHoldReason(freeReasons[0] ?? "");
    setReleaseReason(activeHolds[0] ?? "");
  }

  function payload(type: OrderActionType): PersonOrderAction | null {
    const value = text.trim();
    switch (type) {
      case "HOLD":
        return holdReason ? { type, reason: holdReason, ...(value ? { note: value } : {}) } : null;
      case "RELEASE":
        return releaseReason ? { type, reason: releaseReason } : null;
      case "CANCEL":
      case "EXPIRE_RESERVATION":
      case "WITHDRAW_RETURN":
        return value ? { type, reason: value } : null;
      case "INVOICE":
        return value ? { type, invoiceNumber: value, ...(series.trim() ? { invoiceSeries: series.trim() } : {}) } : null;
      case "REJECT":
      case "REQUEST_RETURN":
        return value ? { type, reason: value } : { type };
      case "SHORT_PICK":
        return { type, reallocated };
      case "PAID_AFTER_CANCEL":
        return { type, paymentStatus: latePayment, ...(value ? { note: value } : {}) };
      case "REALLOCATE":
        return value ? { type, reason: value, ...(excludeCurrent && warehouse ? { excludeWarehouseIds: [warehouse.id] } : {}) } : null;
      default:
        return { type } as PersonOrderAction;
    }
  }

  function submit(e: FormEvent) {
    e.preventDefault();
    if (!open) return;
    if (open === "INVOICE") {
      const bad = normalizeNfeNumber(text) === null ? "number" : series.trim() !== "" && normalizeNfeSeries(series) === null ? "series" : null;
      setInvoiceInvalid(bad);
      if (bad) return;
    }
    const action = payload(open);
    if (action) act.mutate({ orderId, action, expectedVersion: version });
  }

  const ready = open !== null && payload(open) !== null;

  return (
    <section className="rounded-xl border border-slate-200 bg-white p-4" data-testid="order-actions">
      <h2 className="mb-3 font-semibold">{t("orders.actions.title")}</h2>
      {actions.length === 0 ? (
        <p className="text-sm text-slate-500" data-testid="no-actions">{t("orders.actions.none")}</p>
      ) : (
        <div className="flex flex-wrap gap-2">
          {actions.map((a) =>
            a === "COMPLETE_RETURN" ? (
              // The returned units are counted and booked into stock on the returns desk, not by a bare action here.
              <Link
                key={a}
                href={`/returns/${orderId}`}
                data-testid={`action-${a}`}
                className="rounded-md border border-slate-300 px-3 py-1.5 text-sm hover:bg-slate-100"
              >
                {t(`orders.actions.${a}`)} →
              </Link>
            ) : (
            <button
              key={a}
              type="button"
              data-testid={`action-${a}`}
              onClick={() => start(a)}
              aria-pressed={open === a}
              className={`rounded-md px-3 py-1.5 text-sm ${
                DESTRUCTIVE.has(a) ? "border border-red-300 text-red-700 hover:bg-red-50" : "border border-slate-300 hover:bg-slate-100"
              } ${open === a ? "ring-2 ring-brand-500" : ""}`}
            >
              {t(`orders.actions.${a}`)}
            </button>
            ),
          )}
        </div>
      )}
      {open && (
        <form onSubmit={submit} className="mt-4 space-y-3 border-t border-slate-100 pt-4" data-testid="action-form" data-action={open}>
          <h3 className="text-sm font-semibold">{t(`orders.actions.${open}`)}</h3>
          {open === "HOLD" && (
            <label className="block text-xs font-medium text-slate-600">
              {t("orders.actions.holdReason")}
              <select data-testid="action-hold-reason" className={field} value={holdReason} onChange={(e) => setHoldReason(e.target.value as HoldReason)}>
                {freeReasons.map((r) => (
                  <option key={r} value={r}>{t(`holdReason.${r}`)}</option>
                ))}
              </select>
            </label>
          )}
          {open === "RELEASE" && (
            <label className="block text-xs font-medium text-slate-600">
              {t("orders.actions.releaseReason")}
              <select data-testid="action-release-reason" className={field} value={releaseReason} onChange={(e) => setReleaseReason(e.target.value as HoldReason)}>
                {activeHolds.map((r) => (
                  <option key={r} value={r}>{t(`holdReason.${r}`)}</option>
                ))}
              </select>
            </label>
          )}
          {(open === "HOLD" || open === "CANCEL" || open === "INVOICE" || open === "REJECT" || open === "REQUEST_RETURN" || open === "WITHDRAW_RETURN") && (
            <label className="block text-xs font-medium text-slate-600">
              {t(
                open === "HOLD"
                  ? "orders.actions.holdNote"
                  : open === "CANCEL"
                    ? "orders.actions.cancelReason"
                    : open === "WITHDRAW_RETURN"
                      ? "orders.actions.withdrawReturnReason"
                    : open === "INVOICE"
                      ? "orders.actions.invoiceNumber"
                      : "orders.actions.optionalReason",
              )}
              {open === "HOLD" ? (
                <textarea data-testid="action-note" className={field} rows={2} maxLength={500} value={text} onChange={(e) => setText(e.target.value)} />
              ) : (
                <input
                  data-testid={open === "INVOICE" ? "action-invoice-number" : "action-reason"}
                  className={field}
                  required={open === "CANCEL" || open === "INVOICE" || open === "WITHDRAW_RETURN"}
                  maxLength={open === "INVOICE" ? 60 : 500}
                  {...(open === "INVOICE" ? { inputMode: "numeric" as const, "aria-invalid": invoiceInvalid === "number" } : {})}
                  value={text}
                  onChange={(e) => setText(e.target.value)}
                />
              )}
              {open === "INVOICE" && invoiceInvalid === "number" && (
                <span role="alert" data-testid="action-invoice-number-error" className="mt-1 block text-xs text-red-700">
                  {t("orders.actions.invoiceNumberInvalid")}
                </span>
              )}
            </label>
          )}
          {open === "INVOICE" && (
            <label className="block text-xs font-medium text-slate-600">
              {t("orders.actions.invoiceSeries")}
              <input
                data-testid="action-invoice-series"
                className={`${field} max-w-24`}
                inputMode="numeric"
                maxLength={10}
                aria-invalid={invoiceInvalid === "series"}
                value={series}
                onChange={(e) => setSeries(e.target.value)}
              />
              {invoiceInvalid === "series" && (
                <span role="alert" data-testid="action-invoice-series-error" className="mt-1 block text-xs text-red-700">
                  {t("orders.actions.invoiceSeriesInvalid")}
                </span>
              )}
            </label>
          )}
          {(open === "EXPIRE_RESERVATION" || open === "REALLOCATE") && (
            <>
              <p className="text-xs text-slate-500">{t(open === "REALLOCATE" ? "orders.actions.reallocateHelp" : "orders.actions.expireHelp")}</p>
              <label className="block text-xs font-medium text-slate-600">
                {t(open === "REALLOCATE" ? "orders.actions.reallocateReason" : "orders.actions.expireReason")}
                <input data-testid="action-reason" className={field} required maxLength={500} value={text} onChange={(e) => setText(e.target.value)} />
              </label>
              {open === "REALLOCATE" && warehouse && (
                <label className="flex items-center gap-2 text-sm">
                  <input type="checkbox" data-testid="action-exclude-warehouse" checked={excludeCurrent} onChange={(e) => setExcludeCurrent(e.target.checked)} />
                  {t("orders.actions.excludeWarehouse", { warehouse: warehouse.code })}
                </label>
              )}
            </>
          )}
          {open === "PAID_AFTER_CANCEL" && (
            <PaidAfterCancelFields
              paymentStatus={payment.status}
              totalCents={payment.totalCents}
              currency={payment.currency}
              value={latePayment}
              onChange={setLatePayment}
              note={text}
              onNoteChange={setText}
              fieldClass={field}
            />
          )}
          {open === "SHORT_PICK" && (
            <label className="flex items-center gap-2 text-sm">
              <input type="checkbox" data-testid="action-reallocated" checked={reallocated} onChange={(e) => setReallocated(e.target.checked)} />
              {t("orders.actions.reallocated")}
            </label>
          )}
          <div className="flex gap-3">
            <button
              type="submit"
              data-testid="action-confirm"
              disabled={!ready || act.isPending}
              className={`rounded-md px-4 py-1.5 text-sm text-white disabled:opacity-50 ${DESTRUCTIVE.has(open) ? "bg-red-600 hover:bg-red-700" : "bg-brand-600 hover:bg-brand-700"}`}
            >
              {act.isPending ? t("orders.actions.working") : t("orders.actions.confirm")}
            </button>
            <button type="button" className="text-sm text-slate-600 hover:underline" onClick={() => setOpen(null)}>
              {t("orders.actions.back")}
            </button>
          </div>
        </form>
      )}
      {act.error && (
        <p role="status" data-testid="error-message" className="mt-3 rounded-md bg-red-50 px-3 py-2 text-sm text-red-700">
          {errorText(act.error)}
        </p>
      )}
      {done && (
        <p role="status" data-testid="action-done" className="mt-3 rounded-md bg-green-50 px-3 py-2 text-sm text-green-800">
          {done.from === done.to
            ? t("orders.actions.doneSameStatus", { action: t(`orders.actions.${done.type}`), status: t(`orderStatus.${done.to}`) })
            : t("orders.actions.done", { from: t(`orderStatus.${done.from}`), to: t(`orderStatus.${done.to}`) })}
        </p>
      )}
    </section>
  );
}
