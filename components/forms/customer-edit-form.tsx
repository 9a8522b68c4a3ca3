"use client";
/**
 * Correct a customer's name, phone and CPF/CNPJ (customer.update, OPERATOR and
 * ADMIN). Only the fields the person changed are sent: a value a channel sent
 * that the rules would refuse (a CPF with wrong check digits) does not stop a
 * correction of another field. The e-mail is shown read-only: channels' orders
 * are matched to the customer by it. A field's error goes once that field is
 * edited (form-errors.ts). A corrected field says so, with the way back: follow
 * the channel again (customer-follow-channel.tsx); a value restored from the
 * latest order replaces the field's draft.
 */
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { useTRPC } from "@/components/providers/trpc";
import { ErrorText, useErrorText } from "@/components/ui/error-message";
import { remainingError, useEdits } from "@/components/forms/form-errors";
import { inputClass, labelClass, primaryButton } from "@/components/forms/sku-fields-editor";
import { CustomerFollowChannel, type FollowedField } from "@/components/forms/customer-follow-channel";
import { formatDocument } from "@/server/lib/br-documents";
import { CUSTOMER_EDITABLE_FIELDS, type CustomerEditableField } from "@/server/services/customer/customer-inputs";

export interface EditableCustomer {
  id: string;
  name: string;
  email: string | null;
  phone: string | null;
  document: string | null;
  /** The fields a person corrected (channels' orders no longer change them). */
  editedFields: CustomerEditableField[];
}

type Draft = Record<CustomerEditableField, string>;

const help = "mt-1 block text-xs font-normal text-slate-500";

export function CustomerEditForm({ customer }: { customer: EditableCustomer }) {
  const t = useTranslations("customers.form");
  const tf = useTranslations("customers.history.field");
  const trpc = useTRPC();
  const router = useRouter();
  const edits = useEdits();
  const errorText = useErrorText({ scopes: ["customers.errors"] });
  const [initial, setInitial] = useState<Draft>(() => ({ name: customer.name, phone: customer.phone ?? "", document: customer.document ? formatDocument(customer.document) : "" }));
  const [draft, setDraft] = useState<Draft>(initial);
  const [followed, setFollowed] = useState<FollowedField | null>(null);
  const save = useMutation(trpc.customer.update.mutationOptions({ onSuccess: () => router.refresh() }));
  const shown = (field: CustomerEditableField, v: string | null) => (v === null ? "" : field === "document" ? formatDocument(v) : v);

  function onFollowed(r: FollowedField) {
    save.reset();
    setFollowed(r);
    // The value the customer has now (restored from the latest order, or kept): the field's draft starts again from it.
    setInitial((i) => ({ ...i, [r.field]: shown(r.field, r.value) }));
    setDraft((d) => ({ ...d, [r.field]: shown(r.field, r.value) }));
  }

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    edits.restart();
    save.reset();
    setFollowed(null);
    const changed = CUSTOMER_EDITABLE_FIELDS.filter((f) => draft[f] !== initial[f]);
    save.mutate({ customerId: customer.id, ...Object.fromEntries(changed.map((f) => [f, draft[f]])) });
  }

  function field(name: CustomerEditableField, opts: { maxLength: number; required?: boolean; inputMode?: "tel" | "text"; help?: string }) {
    return (
      <div>
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
        {customer.editedFields.includes(name) && <CustomerFollowChannel customerId={customer.id} field={name} onFollowed={onFollowed} />}
      </div>
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
        {followed && !save.isSuccess && (
          <span role="status" className="text-sm text-green-700" data-testid="customer-followed">
            {followed.restored && followed.orderNumber !== null
              ? t("followChannel.restored", { field: tf(followed.field), value: shown(followed.field, followed.value) || t("followChannel.emptyValue"), order: followed.orderNumber })
              : t("followChannel.nextOrder", { field: tf(followed.field) })}
          </span>
        )}
        {save.isSuccess && (
          <span role="status" className="text-sm text-green-700" data-testid="customer-saved">{save.data.changed ? t("saved") : t("unchanged")}</span>
        )}
      </div>
    </form>
  );
}
