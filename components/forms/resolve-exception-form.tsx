"use client";
/** "Resolve" on an open exception (OPERATOR, WAREHOUSE, ADMIN): asks what was done, then records who/when/note. */
import { useState } from "react";
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useTRPC } from "@/components/providers/trpc";
import { ErrorMessage } from "@/components/ui/error-message";
import { MAX_RESOLUTION_NOTE } from "@/server/services/exceptions/exception-types";

export function ResolveExceptionForm({ exceptionId }: { exceptionId: string }) {
  const t = useTranslations("exceptions.resolve");
  const trpc = useTRPC();
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [note, setNote] = useState("");
  const resolve = useMutation(trpc.exception.resolve.mutationOptions({ onSuccess: () => router.refresh() }));

  if (resolve.isSuccess) return <p className="text-sm text-green-700" role="status">{t("done")}</p>;
  if (!open) {
    return (
      <button
        type="button"
        onClick={() => setOpen(true)}
        className="rounded-md border border-slate-300 bg-white px-3 py-1 text-sm hover:bg-slate-50"
        data-testid="resolve-exception"
      >
        {t("button")}
      </button>
    );
  }
  return (
    <form
      className="flex min-w-64 flex-col gap-2"
      onSubmit={(e) => {
        e.preventDefault();
        resolve.mutate({ id: exceptionId, note });
      }}
    >
      <label className="text-xs font-medium text-slate-600">
        {t("note")}
        <textarea
          value={note}
          onChange={(e) => setNote(e.target.value)}
          required
          maxLength={MAX_RESOLUTION_NOTE}
          rows={2}
          placeholder={t("notePlaceholder")}
          className="mt-1 block w-full rounded-md border border-slate-300 px-2 py-1 text-sm"
          data-testid="resolution-note"
        />
      </label>
      <div className="flex gap-2">
        <button
          type="submit"
          disabled={resolve.isPending || note.trim() === ""}
          className="rounded-md bg-brand-600 px-3 py-1 text-sm text-white hover:bg-brand-700 disabled:opacity-60"
          data-testid="confirm-resolve"
        >
          {resolve.isPending ? t("saving") : t("confirm")}
        </button>
        <button type="button" onClick={() => setOpen(false)} className="px-2 py-1 text-sm text-slate-600 hover:underline">
          {t("cancel")}
        </button>
      </div>
      <ErrorMessage error={resolve.error} scope="exceptions.errors" />
    </form>
  );
}
