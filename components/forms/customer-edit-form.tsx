"use client";
/**
 * Correct a customer's name, phone and CPF/CNPJ (customer.update, OPERATOR and
 * ADMIN). Only the fields the person changed are sent: a value a channel sent
 * that the rules would refuse (a CPF with wrong check digits) does not stop a
 * correction of another field. The e-mail is shown read-only: channels' orders
 * are matched to the customer by it. A field's error goes once that field is
 * edited (form-errors.ts).
 */
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { useTRPC } from "@/components/providers/trpc";
import { ErrorText, useErrorText } from "@/components/ui/error-message";
import { remainingError, useEdits } from "@/components/forms/form-errors";
import { inputClass, labelClass, primaryButton } from "@/components/forms/sku-fields-editor";
import { formatDocument } from "@/server/lib/br-documents";
import { CUSTOMER_EDITABLE_FIELDS, type CustomerEditableField } from "@/server/services/customer/customer-inputs";

export interface EditableCustomer {
  id: string;
  name: string;
  email: string | null;
  phone: string | null;
  document: string | null;
}

type Draft = Record<CustomerEditableField, string>;

const help = "mt-1 block text-xs font-normal text-slate-500";

export function CustomerEditForm({ customer }: { customer: EditableCustomer }) {
  const t = useTranslations("customers.form");
  const trpc = useTRPC();
  const router = useRouter();
  const edits = useEdits();
  const errorText = useErrorText({ scopes: ["customers.errors"] });
  const [initial] = useState<Draft>(() => ({ name: customer.name, phone: customer.phone ?? "", document: customer.document ? formatDocument(customer.document) : "" }));
  const [draft, setDraft] = useState<Draft>(initial);
  const save = useMutation(trpc.customer.update.mutationOptions({ onSuccess: () => router.refresh() }));

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    edits.restart();
    save.reset();
    const changed = CUSTOMER_EDITABLE_FIELDS.filter((f) => draft[f] !== initial[f]);
    save.mutate({ customerId: customer.id, ...Object.fromEntries(changed.map((f) => [f, draft[f]])) });
  }

  function field(name: CustomerEditableField, opts: { maxLength: number; required?: boolean; inputMode?: "tel" | "text"; help?: string }) {
    return (
      <label className={labelClass}>
        {t(name)}
        <input
          className={inputClass}
          value={draft[name]}
          required={opts.required}
          maxLength={opts.maxLength}
          inputMode={opts.inputMode}
          onChange={(e) => {
            if (save.isSuccess) save.reset();
            edits.touch(name);
            setDraft((d) => ({ ...d, [name]: e.target.value }));
          }}
          data-testid={`customer-edit-${name}`}
        />
        {opts.help && <span className={help}>{opts.help}</span>}
      </label>
    );
  }

  return (
    <form onSubmit={onSubmit} className="space-y-3" data-testid="customer-edit-form">
      <p className="text-sm text-slate-500">{t("help")}</p>
      <div className="grid gap-3 sm:grid-cols-2">
        {field("name", { maxLength: 200, required: true })}
        <label className={labelClass}>
          {t("email")}
          <input className={`${inputClass} bg-slate-50 text-slate-500`} value={customer.email ?? ""} readOnly disabled data-testid="customer-edit-email" />
          <span className={help}>{t("emailHelp")}</span>
        </label>
        {field("phone", { maxLength: 40, inputMode: "tel", help: t("phoneHelp") })}
        {field("document", { maxLength: 30, help: t("documentHelp") })}
      </div>
      <ErrorText text={errorText(remainingError(save.error, edits.edited))} />
      <div className="flex items-center gap-3">
        <button type="submit" className={primaryButton} disabled={save.isPending} data-testid="customer-save">
          {save.isPending ? t("saving") : t("save")}
        </button>
        {save.isSuccess && (
          <span role="status" className="text-sm text-green-700" data-testid="customer-saved">{save.data.changed ? t("saved") : t("unchanged")}</span>
        )}
      </div>
    </form>
  );
}
