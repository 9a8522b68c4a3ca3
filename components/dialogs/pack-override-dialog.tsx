"use client";
/**
 * A supervisor closes an incomplete package: an administrator's e-mail,
 * password and the reason (checked on the server). Mounted only while open, so
 * the password never outlives the dialog.
 */
import { useTranslations } from "next-intl";
import { useEffect, useRef, useState, type FormEvent } from "react";

export interface OverrideValues {
  email: string;
  password: string;
  reason: string;
}

interface Props {
  missing: string;
  busy: boolean;
  error: string | null;
  onConfirm: (values: OverrideValues) => void;
  onCancel: () => void;
}

const field = "mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 text-base";

export function PackOverrideDialog({ missing, busy, error, onConfirm, onCancel }: Props) {
  const t = useTranslations("packing.override");
  const ref = useRef<HTMLDialogElement>(null);
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [reason, setReason] = useState("");

  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);

  function submit(e: FormEvent) {
    e.preventDefault();
    if (!email.trim() || !password || !reason.trim()) return;
    onConfirm({ email: email.trim(), password, reason: reason.trim() });
  }

  return (
    <dialog
      ref={ref}
      data-testid="pack-override-dialog"
      aria-labelledby="pack-override-title"
      onCancel={(e) => {
        e.preventDefault();
        onCancel();
      }}
      className="m-auto w-full max-w-lg rounded-xl p-0 shadow-2xl backdrop:bg-slate-900/60"
    >
      <form onSubmit={submit} className="space-y-4 p-6">
        <h2 id="pack-override-title" className="text-xl font-semibold text-amber-800">
          {t("title")}
        </h2>
        <p className="text-slate-700">{t("body", { missing })}</p>
        <label className="block text-sm font-medium text-slate-700">
          {t("email")}
          <input className={field} type="email" autoComplete="off" required value={email} onChange={(e) => setEmail(e.target.value)} />
        </label>
        <label className="block text-sm font-medium text-slate-700">
          {t("password")}
          <input className={field} type="password" autoComplete="off" required value={password} onChange={(e) => setPassword(e.target.value)} />
        </label>
        <label className="block text-sm font-medium text-slate-700">
          {t("reason")}
          <textarea
            className={field}
            required
            maxLength={500}
            rows={2}
            placeholder={t("reasonPlaceholder")}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
          />
        </label>
        {error && (
          <p role="alert" data-testid="pack-override-error" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700">
            {error}
          </p>
        )}
        <div className="flex justify-end gap-3">
          <button type="button" onClick={onCancel} className="rounded-md px-4 py-2 text-slate-700 hover:bg-slate-100">
            {t("cancel")}
          </button>
          <button
            type="submit"
            disabled={busy || !email.trim() || !password || !reason.trim()}
            data-testid="pack-override-confirm"
            className="rounded-md bg-amber-600 px-4 py-2 font-semibold text-white hover:bg-amber-700 disabled:opacity-50"
          >
            {t("confirm")}
          </button>
        </div>
      </form>
    </dialog>
  );
}
