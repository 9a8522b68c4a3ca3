"use client";
/**
 * Closing the package: weight and size prefilled (SKU weights summed, the
 * largest item's sides), editable; "Close package" only when every unit is
 * scanned; otherwise a supervisor may override. Keyed by package in the parent,
 * so the fields start from each package's defaults.
 */
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { PackOverrideDialog, type OverrideValues } from "@/components/dialogs/pack-override-dialog";

export interface Box {
  weightGrams: number;
  lengthMm: number;
  widthMm: number;
  heightMm: number;
}

interface Props {
  defaults: Box;
  complete: boolean;
  /** "1 × SKU, …" still missing (for the override dialog). */
  missing: string;
  busy: boolean;
  /** Error of the last override attempt, shown in the dialog. */
  overrideError: string | null;
  onClose: (box: Box) => void;
  onOverride: (box: Box, override: OverrideValues) => void;
  /** Called whenever the dialog closes, so the scanner input takes the focus back. */
  onDialogClosed: () => void;
}

const FIELDS = ["weightGrams", "lengthMm", "widthMm", "heightMm"] as const;
const LABEL = {
  weightGrams: "weight",
  lengthMm: "length",
  widthMm: "width",
  heightMm: "height",
} as const;

export function PackCloseForm({ defaults, complete, missing, busy, overrideError, onClose, onOverride, onDialogClosed }: Props) {
  const t = useTranslations("packing.close");
  const [values, setValues] = useState<Record<(typeof FIELDS)[number], string>>({
    weightGrams: String(defaults.weightGrams || ""),
    lengthMm: String(defaults.lengthMm || ""),
    widthMm: String(defaults.widthMm || ""),
    heightMm: String(defaults.heightMm || ""),
  });
  const [overriding, setOverriding] = useState(false);

  const box = (): Box | null => {
    const out = {} as Box;
    for (const f of FIELDS) {
      const n = Number(values[f]);
      if (!Number.isInteger(n) || n <= 0) return null;
      out[f] = n;
    }
    return out;
  };
  const valid = box() !== null;

  function submit(e: FormEvent) {
    e.preventDefault();
    const b = box();
    if (b && complete) onClose(b);
  }

  return (
    <>
      <form onSubmit={submit} className="space-y-3 rounded-xl border border-slate-200 bg-white p-4" data-testid="pack-close-form">
        <h2 className="text-lg font-semibold">{t("title")}</h2>
        <div className="grid grid-cols-2 gap-3 sm:grid-cols-4">
          {FIELDS.map((f) => (
            <label key={f} className="text-sm font-medium text-slate-600">
              {t(LABEL[f])}
              <input
                type="number"
                inputMode="numeric"
                min={1}
                step={1}
                data-testid={`pack-${f}`}
                value={values[f]}
                onChange={(e) => setValues((v) => ({ ...v, [f]: e.target.value }))}
                className="mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 text-lg tabular-nums"
              />
            </label>
          ))}
        </div>
        <p className="text-xs text-slate-500">{t("defaultsHint")}</p>
        <div className="flex flex-wrap items-center gap-3">
          <button
            type="submit"
            data-testid="pack-close"
            disabled={!complete || !valid || busy}
            className="rounded-lg bg-green-600 px-6 py-3 text-lg font-bold text-white hover:bg-green-700 disabled:cursor-not-allowed disabled:bg-slate-300"
          >
            {busy ? t("working") : t("submit")}
          </button>
          {!complete && (
            <>
              <span className="text-sm text-slate-600">{t("incomplete")}</span>
              <button
                type="button"
                data-testid="pack-override"
                disabled={!valid || busy}
                onClick={() => setOverriding(true)}
                className="rounded-lg border border-amber-500 px-4 py-2 font-semibold text-amber-800 hover:bg-amber-50 disabled:opacity-50"
              >
                {t("override")}
              </button>
            </>
          )}
        </div>
      </form>
      {overriding && (
        <PackOverrideDialog
          missing={missing}
          busy={busy}
          error={overrideError}
          onCancel={() => {
            setOverriding(false);
            onDialogClosed();
          }}
          onConfirm={(o) => {
            const b = box();
            if (b) onOverride(b, o);
          }}
        />
      )}
    </>
  );
}
