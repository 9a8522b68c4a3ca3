/**
 * The Exceptions list (one keyset page, rendered on the server): what
 * happened, what it is about (order, SKU, shipment — linked when the role may
 * open them), and who resolved it when. Open rows get the resolve form when
 * the role may resolve. Below `md` (a phone) each exception is a card with the
 * same facts, links and resolve form; the table shows from `md` up.
 */
import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import { ResolveExceptionForm } from "@/components/forms/resolve-exception-form";
import { ExceptionMessage } from "@/components/ui/exception-message";
import { isExceptionType } from "@/server/services/exceptions/exception-types";
import type { ExceptionRow } from "@/server/services/exceptions/list-exceptions";

export interface ExceptionLinks {
  orders: boolean;
  stock: boolean;
  shipments: boolean;
}

export function ExceptionTypeLabel({ type }: { type: string }) {
  const t = useTranslations("exceptions.types");
  return <>{isExceptionType(type) ? t(type) : type}</>;
}

function About({ e, links }: { e: ExceptionRow; links: ExceptionLinks }) {
  const t = useTranslations("exceptions.list");
  const item = (href: string, allowed: boolean, text: string, testId: string) =>
    allowed ? (
      <Link href={href} className="text-brand-700 hover:underline" data-testid={testId}>{text}</Link>
    ) : (
      <span data-testid={testId}>{text}</span>
    );
  return (
    <div className="flex flex-col gap-0.5">
      {e.order && item(`/orders/${e.order.id}`, links.orders, t("order", { number: e.order.number }), "exception-order")}
      {e.sku && item(`/stock/${e.sku.id}`, links.stock, t("sku", { code: e.sku.code }), "exception-sku")}
      {e.shipment && item(`/shipments/${e.shipment.id}`, links.shipments, t("shipment", { trackingNumber: e.shipment.trackingNumber }), "exception-shipment")}
    </div>
  );
}

/** The status cell: the badge, and either the resolve form (open) or who resolved it, when and why. */
function ExceptionStatus({ e, canResolve }: { e: ExceptionRow; canResolve: boolean }) {
  const t = useTranslations("exceptions");
  const format = useFormatter();
  const when = (d: Date) => format.dateTime(d, { dateStyle: "short", timeStyle: "short" });
  if (e.status === "OPEN") {
    return (
      <div className="flex flex-col items-start gap-2">
        <span className="rounded-full bg-amber-100 px-2 py-0.5 text-xs font-medium text-amber-800" data-testid="exception-badge">{t("badge.OPEN")}</span>
        {canResolve && <ResolveExceptionForm exceptionId={e.id} />}
      </div>
    );
  }
  return (
    <div className="flex flex-col gap-1 text-xs text-slate-600" data-testid="exception-resolution">
      <span className="w-fit rounded-full bg-green-100 px-2 py-0.5 font-medium text-green-800" data-testid="exception-badge">{t("badge.RESOLVED")}</span>
      {e.resolvedAt && (
        <span>
          {e.resolvedBy ? t("list.resolvedBy", { name: e.resolvedBy, when: when(e.resolvedAt) }) : t("list.resolvedBySystem", { when: when(e.resolvedAt) })}
        </span>
      )}
      {e.resolutionNote && <span className="break-words">{t("list.note", { note: e.resolutionNote })}</span>}
    </div>
  );
}

export function ExceptionsTable({ items, links, canResolve }: { items: ExceptionRow[]; links: ExceptionLinks; canResolve: boolean }) {
  const t = useTranslations("exceptions");
  const format = useFormatter();
  const when = (d: Date) => format.dateTime(d, { dateStyle: "short", timeStyle: "short" });
  if (items.length === 0) {
    return <p className="rounded-xl border border-slate-200 bg-white p-6 text-slate-500" data-testid="exceptions-empty">{t("list.empty")}</p>;
  }
  return (
    <>
      <div className="hidden overflow-x-auto rounded-xl border border-slate-200 bg-white md:block" data-testid="exceptions-table-scroll">
        <table className="min-w-full text-sm" data-testid="exceptions-table">
          <thead className="bg-slate-50 text-left text-xs uppercase tracking-wide text-slate-500">
            <tr>
              <th className="px-3 py-2">{t("columns.createdAt")}</th>
              <th className="px-3 py-2">{t("columns.type")}</th>
              <th className="px-3 py-2">{t("columns.message")}</th>
              <th className="px-3 py-2">{t("columns.about")}</th>
              <th className="px-3 py-2">{t("columns.status")}</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {items.map((e) => (
              <tr key={e.id} data-testid="exception-row" data-id={e.id} data-type={e.type} data-status={e.status} className="align-top hover:bg-slate-50">
                <td className="whitespace-nowrap px-3 py-2">{when(e.createdAt)}</td>
                <td className="px-3 py-2 font-medium">
                  <ExceptionTypeLabel type={e.type} />
                </td>
                <td className="max-w-md px-3 py-2 text-slate-700" data-testid="exception-message">
                  <ExceptionMessage message={e.message} text={e.text} />
                </td>
                <td className="whitespace-nowrap px-3 py-2">
                  <About e={e} links={links} />
                </td>
                <td className="px-3 py-2">
                  <ExceptionStatus e={e} canResolve={canResolve} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {/* On a phone: one card per exception, with what happened, what it is about (the links) and the resolve form. */}
      <ul className="space-y-2 md:hidden" data-testid="exceptions-cards">
        {items.map((e) => (
          <li key={e.id} className="space-y-2 rounded-xl border border-slate-200 bg-white p-3 text-sm" data-testid="exception-card" data-id={e.id} data-type={e.type} data-status={e.status}>
            <div className="flex items-baseline justify-between gap-2">
              <span className="min-w-0 break-words font-medium">
                <ExceptionTypeLabel type={e.type} />
              </span>
              <span className="shrink-0 text-xs text-slate-500">{when(e.createdAt)}</span>
            </div>
            <p className="break-words text-slate-700" data-testid="exception-message">
              <ExceptionMessage message={e.message} text={e.text} />
            </p>
            {/* Taller links: each is a finger's tap target. */}
            <div className="[&_a]:inline-block [&_a]:py-1">
              <About e={e} links={links} />
            </div>
            <ExceptionStatus e={e} canResolve={canResolve} />
          </li>
        ))}
      </ul>
    </>
  );
}
