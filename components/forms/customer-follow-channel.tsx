"use client";
/**
 * "Follow the channel again" for one corrected customer field (customer.followChannel, OPERATOR and ADMIN; the
 * server refuses the others): a button, then a confirm step saying what happens (the next channel order updates
 * the field; the latest order's value comes back at once when it carries one). The form shows the outcome.
 */
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useTRPC } from "@/components/providers/trpc";
import { ErrorText, useErrorText } from "@/components/ui/error-message";
import type { CustomerEditableField } from "@/server/services/customer/customer-inputs";

export interface FollowedField {
  field: CustomerEditableField;
  restored: boolean;
  value: string | null;
  orderNumber: number | null;
}

const linkButton = "text-xs text-brand-700 underline-offset-2 hover:underline disabled:opacity-60";

export function CustomerFollowChannel({ customerId, field, onFollowed }: { customerId: string; field: CustomerEditableField; onFollowed: (r: FollowedField) => void }) {
  const t = useTranslations("customers.form.followChannel");
  const tf = useTranslations("customers.history.field");
  const trpc = useTRPC();
  const router = useRouter();
  const errorText = useErrorText({ scopes: ["customers.errors"] });
  const [confirming, setConfirming] = useState(false);
  const follow = useMutation(
    trpc.customer.followChannel.mutationOptions({
      onSuccess: (r) => {
        setConfirming(false);
        onFollowed(r);
        router.refresh();
      },
    }),
  );

  return (
    <span className="mt-1 block text-xs font-normal text-slate-500" data-testid={`customer-corrected-${field}`}>
      <span className="mr-2 rounded bg-slate-100 px-1.5 py-0.5 text-slate-600">{t("corrected")}</span>
      {!confirming ? (
        <button type="button" className={linkButton} onClick={() => { follow.reset(); setConfirming(true); }} data-testid={`customer-follow-${field}`}>
          {t("action")}
        </button>
      ) : (
        <span className="mt-1 block rounded-md border border-amber-200 bg-amber-50 p-2 text-slate-700" data-testid={`customer-follow-confirm-box-${field}`}>
          {t("confirmText", { field: tf(field) })}
          <span className="mt-2 flex gap-3">
            <button
              type="button"
              className="rounded-md bg-brand-600 px-3 py-1 text-xs text-white hover:bg-brand-700 disabled:opacity-60"
              disabled={follow.isPending}
              onClick={() => follow.mutate({ customerId, field })}
              data-testid={`customer-follow-confirm-${field}`}
            >
              {follow.isPending ? t("working") : t("confirm")}
            </button>
            <button type="button" className={linkButton} onClick={() => setConfirming(false)}>{t("back")}</button>
          </span>
        </span>
      )}
      <ErrorText text={errorText(follow.error)} />
    </span>
  );
}
