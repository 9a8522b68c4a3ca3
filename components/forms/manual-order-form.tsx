"use client";
import { useMutation } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, type FormEvent, type ReactNode } from "react";
import { useTRPC } from "@/components/providers/trpc";
import { ErrorMessage } from "@/components/ui/error-message";
import { issueProblem, type Translate } from "@/components/ui/error-text";
import { formatMoney } from "@/components/ui/format";
import { remainingIssues, useEdits } from "@/components/forms/form-errors";
import { draftTotals, editedIssuePaths, emptyDraft, previewIssues, toOrderInput, type Draft, type DraftLine } from "@/components/forms/manual-order-draft";
import type { IssueView } from "@/server/lib/zod-issue-view";
import { OrderLinesEditor } from "@/components/forms/order-lines-editor";
import { SkuPicker } from "@/components/forms/sku-picker";

interface ChannelOption {
  id: string;
  name: string;
  defaultCurrency: string;
}

const input = "mt-1 w-full rounded-md border px-3 py-2";

export function ManualOrderForm({ channels, ufs }: { channels: ChannelOption[]; ufs: readonly string[] }) {
  const t = useTranslations("orderEntry");
  const tAll = useTranslations() as unknown as Translate;
  const locale = useLocale();
  const trpc = useTRPC();
  const router = useRouter();
  const [draft, setDraft] = useState<Draft>(() => emptyDraft(channels[0]?.id ?? ""));
  const [clientIssues, setClientIssues] = useState<Record<string, string>>({});
  const edits = useEdits();
  const create = useMutation(trpc.orderEntry.create.mutationOptions({ onSuccess: (r) => router.push(`/orders/${r.orderId}`) }));

  const currency = channels.find((c) => c.id === draft.channelId)?.defaultCurrency ?? "BRL";
  const totals = draftTotals(draft);
  // The last submit's issues only (the server's, or the fields the form could not read), less the fields edited since.
  const submitted: Record<string, IssueView> = {};
  for (const i of create.error?.data?.zodIssues ?? []) submitted[i.path] ??= i;
  for (const [path, code] of Object.entries(clientIssues)) submitted[path] = { path, message: code };
  const issues = remainingIssues(submitted, edits.edited);
  // What is wrong as typed shows at once (the totals leave out what it makes unreadable); the last submit's issues win.
  for (const [path, code] of Object.entries(previewIssues(draft))) issues[path] ??= { path, message: code };
  const fieldIssue = (path: string): string | null => {
    const issue = issues[path];
    if (!issue) return null;
    // The schema's messages are issue codes (orderEntry.issues.<code>); anything else is read by its zod code.
    return t.has(`issues.${issue.message}`) ? t(`issues.${issue.message}`) : issueProblem(tAll, issue);
  };
  const hasIssues = Object.keys(issues).length > 0;

  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => {
    edits.touch(...editedIssuePaths("draft", { [key]: value }));
    setDraft((d) => ({ ...d, [key]: value }));
  };
  const setCustomer = (patch: Partial<Draft["customer"]>) => {
    edits.touch(...editedIssuePaths("customer", patch));
    setDraft((d) => ({ ...d, customer: { ...d.customer, ...patch } }));
  };
  const setAddress = (patch: Partial<Draft["address"]>) => {
    edits.touch(...editedIssuePaths("address", patch));
    setDraft((d) => ({ ...d, address: { ...d.address, ...patch } }));
  };
  const setLine = (index: number, patch: Partial<DraftLine>) => {
    edits.touch(...editedIssuePaths(index, patch));
    setDraft((d) => ({ ...d, lines: d.lines.map((l, i) => (i === index ? { ...l, ...patch } : l)) }));
  };
  const removeLine = (index: number) => {
    // The lines after it move up: none of their issues would stay under the right line.
    edits.touch("lines.*");
    setDraft((d) => ({ ...d, lines: d.lines.filter((_, j) => j !== index) }));
  };

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    const { input: payload, errors } = toOrderInput(draft);
    edits.restart();
    setClientIssues(errors);
    if (Object.keys(errors).length > 0) return create.reset();
    create.mutate(payload);
  }

  const field = (label: string, path: string, control: (cls: string) => ReactNode, optional = false) => (
    <label className="block">
      <span className="text-sm font-medium">
        {label}
        {optional && <span className="font-normal text-slate-400"> ({t("new.optional")})</span>}
      </span>
      {control(`${input} ${fieldIssue(path) ? "border-red-500" : "border-slate-300"}`)}
      {fieldIssue(path) && <span className="mt-0.5 block text-xs text-red-700" data-testid={`issue-${path}`}>{fieldIssue(path)}</span>}
    </label>
  );

  return (
    <form onSubmit={onSubmit} className="space-y-6" noValidate>
      <section className="rounded-xl border border-slate-200 bg-white p-5">
        {field(t("new.channel"), "channelId", (cls) => (
          <select className={cls} value={draft.channelId} onChange={(e) => set("channelId", e.target.value)}>
            {channels.map((c) => (
              <option key={c.id} value={c.id}>{c.name}</option>
            ))}
          </select>
        ))}
      </section>

      <section className="grid gap-4 rounded-xl border border-slate-200 bg-white p-5 sm:grid-cols-2">
        <h2 className="font-semibold sm:col-span-2">{t("new.customerSection")}</h2>
        {field(t("new.customerName"), "customer.name", (cls) => <input className={cls} value={draft.customer.name} onChange={(e) => setCustomer({ name: e.target.value })} />)}
        {field(t("new.phone"), "customer.phone", (cls) => <input className={cls} type="tel" value={draft.customer.phone} onChange={(e) => setCustomer({ phone: e.target.value })} />, true)}
        {field(t("new.email"), "customer.email", (cls) => <input className={cls} type="email" value={draft.customer.email} onChange={(e) => setCustomer({ email: e.target.value })} />, true)}
        {field(t("new.document"), "customer.document", (cls) => <input className={cls} value={draft.customer.document} onChange={(e) => setCustomer({ document: e.target.value })} />, true)}
      </section>

      <section className="grid gap-4 rounded-xl border border-slate-200 bg-white p-5 sm:grid-cols-6">
        <h2 className="font-semibold sm:col-span-6">{t("new.addressSection")}</h2>
        <div className="sm:col-span-2">
          {field(t("new.postalCode"), "shippingAddress.postalCode", (cls) => (
            <input className={cls} inputMode="numeric" placeholder="00000-000" value={draft.address.postalCode} onChange={(e) => setAddress({ postalCode: e.target.value })} />
          ))}
        </div>
        <div className="sm:col-span-4">{field(t("new.line1"), "shippingAddress.line1", (cls) => <input className={cls} value={draft.address.line1} onChange={(e) => setAddress({ line1: e.target.value })} />)}</div>
        <div className="sm:col-span-2">{field(t("new.line2"), "shippingAddress.line2", (cls) => <input className={cls} value={draft.address.line2} onChange={(e) => setAddress({ line2: e.target.value })} />, true)}</div>
        <div className="sm:col-span-2">{field(t("new.district"), "shippingAddress.district", (cls) => <input className={cls} value={draft.address.district} onChange={(e) => setAddress({ district: e.target.value })} />, true)}</div>
        <div className="sm:col-span-2">{field(t("new.city"), "shippingAddress.city", (cls) => <input className={cls} value={draft.address.city} onChange={(e) => setAddress({ city: e.target.value })} />)}</div>
        <div className="sm:col-span-2">
          {field(t("new.state"), "shippingAddress.state", (cls) => (
            <select className={cls} value={draft.address.state} onChange={(e) => setAddress({ state: e.target.value })}>
              <option value="">{t("new.choose")}</option>
              {[...ufs].sort().map((uf) => (
                <option key={uf} value={uf}>{uf}</option>
              ))}
            </select>
          ))}
        </div>
        <div className="sm:col-span-4">{field(t("new.recipient"), "shippingAddress.name", (cls) => <input className={cls} value={draft.address.name} onChange={(e) => setAddress({ name: e.target.value })} />, true)}</div>
      </section>

      <section className="rounded-xl border border-slate-200 bg-white p-5">
        <h2 className="mb-3 font-semibold">{t("new.linesSection")}</h2>
        <SkuPicker
          currency={currency}
          onPick={(sku) => set("lines", [...draft.lines, { sku: sku.code, name: sku.name, catalogPriceCents: sku.priceCents, quantity: "1", unitPrice: "", discount: "" }])}
        />
        {fieldIssue("lines") && <p className="mt-2 text-sm text-red-700" data-testid="issue-lines">{fieldIssue("lines")}</p>}
        <OrderLinesEditor lines={draft.lines} currency={currency} issue={fieldIssue} onChange={setLine} onRemove={removeLine} />
      </section>

      <section className="grid gap-6 sm:grid-cols-2">
        <div className="space-y-4 rounded-xl border border-slate-200 bg-white p-5">
          <h2 className="font-semibold">{t("new.paymentSection")}</h2>
          <fieldset>
            <legend className="text-sm font-medium">{t("new.paymentStatus")}</legend>
            {(["PENDING", "PAID"] as const).map((p) => (
              <label key={p} className="mt-1 flex items-center gap-2 text-sm">
                <input type="radio" name="paymentStatus" checked={draft.paymentStatus === p} onChange={() => set("paymentStatus", p)} />
                {t(`new.${p}`)}
              </label>
            ))}
          </fieldset>
          {field(t("new.paymentMethod"), "paymentMethod", (cls) => (
            <input className={cls} placeholder={t("new.paymentMethodPlaceholder")} value={draft.paymentMethod} onChange={(e) => set("paymentMethod", e.target.value)} />
          ), true)}
          {field(t("new.note"), "note", (cls) => <textarea className={cls} rows={2} value={draft.note} onChange={(e) => set("note", e.target.value)} />, true)}
        </div>
        <div className="space-y-2 rounded-xl border border-slate-200 bg-white p-5" data-testid="order-totals">
          <h2 className="mb-2 font-semibold">{t("new.totalsSection")}</h2>
          <Row label={t("new.subtotal")} value={formatMoney(totals.subtotalCents, currency, locale)} testId="total-subtotal" />
          <Row label={t("new.discounts")} value={formatMoney(totals.discountCents === 0 ? 0 : -totals.discountCents, currency, locale)} testId="total-discount" />
          <div className="flex items-center justify-between gap-3 text-sm">
            <label htmlFor="shipping-amount">{t("new.shipping")}</label>
            <input id="shipping-amount" inputMode="decimal" value={draft.shipping} placeholder={formatMoney(0, currency, locale)} onChange={(e) => set("shipping", e.target.value)} className={`w-32 rounded-md border px-2 py-1 text-right tabular-nums ${fieldIssue("shippingCents") ? "border-red-500" : "border-slate-300"}`} />
          </div>
          {fieldIssue("shippingCents") && <p className="text-right text-xs text-red-700">{fieldIssue("shippingCents")}</p>}
          <div className="border-t border-slate-200 pt-2">
            <Row label={t("new.total")} value={totals.totalCents === null ? "—" : formatMoney(totals.totalCents, currency, locale)} testId="total-total" strong />
            {totals.totalCents === null && <p className="mt-1 text-right text-xs text-amber-700" data-testid="total-unavailable">{t("new.totalUnavailable")}</p>}
          </div>
        </div>
      </section>

      {hasIssues && <p className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-800">{t("new.checkFields")}</p>}
      {create.error && !create.error.data?.zodIssues?.length && <ErrorMessage error={create.error} />}
      <button type="submit" disabled={create.isPending || create.isSuccess} className="rounded-md bg-brand-600 px-5 py-2 font-medium text-white hover:bg-brand-700 disabled:opacity-60">
        {create.isPending || create.isSuccess ? t("new.submitting") : t("new.submit")}
      </button>
    </form>
  );
}

function Row({ label, value, testId, strong = false }: { label: string; value: string; testId: string; strong?: boolean }) {
  return (
    <div className={`flex justify-between text-sm ${strong ? "text-base font-semibold" : ""}`}>
      <span>{label}</span>
      <span className="tabular-nums" data-testid={testId}>{value}</span>
    </div>
  );
}
