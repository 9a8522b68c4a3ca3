"use client";
/**
 * The pack station (conferência) for a packer at a USB scanner. The scanner
 * types a code and Enter into the one big input, which keeps the focus after
 * every action: first the order number or tote label, then each unit's EAN.
 */
import { useFormatter, useTranslations } from "next-intl";
import { useEffect, useRef, useState, type FormEvent, type KeyboardEvent } from "react";
import { CameraScanner } from "@/components/forms/camera-scanner";
import { PackCloseForm } from "@/components/forms/pack-close-form";
import { usePackStation, type ClosedPackage } from "@/components/forms/use-pack-station";
import { PackLinesTable, type PackLine } from "@/components/tables/pack-lines-table";
import { PackScanLog } from "@/components/tables/pack-scan-log";
import { PackScanBanner } from "@/components/ui/pack-scan-banner";

function missingOf(lines: PackLine[]): string {
  const bySku = new Map<string, number>();
  for (const l of lines) if (l.scanned < l.quantity) bySku.set(l.sku, (bySku.get(l.sku) ?? 0) + l.quantity - l.scanned);
  return [...bySku].map(([sku, n]) => `${n} × ${sku}`).join(", ");
}

function minutesSeconds(seconds: number): string {
  const m = Math.floor(seconds / 60);
  return `${m}:${String(seconds % 60).padStart(2, "0")}`;
}

/** Outside the input: the focus goes back to it unless the packer is in another field or a dialog. */
function shouldRefocus(): boolean {
  if (document.querySelector("dialog[open]")) return false;
  const active = document.activeElement;
  return !active || active === document.body || !["INPUT", "TEXTAREA", "SELECT"].includes(active.tagName);
}

function ClosedPanel({ closed }: { closed: ClosedPackage }) {
  const t = useTranslations();
  return (
    <section role="status" data-testid="pack-success" className="rounded-xl border-4 border-green-600 bg-green-50 p-6 text-green-900">
      <h2 className="text-3xl font-bold">✓ {t("packing.closed.title", { package: closed.packageNumber })}</h2>
      <p className="mt-2 text-xl" data-testid="pack-success-state" data-order-status={closed.orderStatus}>{t("packing.closed.body", { order: closed.orderNumber, state: closed.orderStatus, status: t(`orderStatus.${closed.orderStatus}`) })}</p>
      <p className="mt-1">{t("packing.closed.duration", { duration: minutesSeconds(closed.durationSeconds), scanned: closed.scannedUnits, total: closed.totalUnits })}</p>
      {closed.override && (
        <p className="mt-1 font-semibold text-amber-800" data-testid="pack-success-override">
          {t("packing.closed.overridden", { name: closed.override.byName, reason: closed.override.reason })}
        </p>
      )}
      <p className="mt-3 text-lg font-semibold">{t("packing.closed.next")}</p>
    </section>
  );
}

export function PackStation() {
  const t = useTranslations("packing");
  const format = useFormatter();
  const station = usePackStation();
  const { pkg, closed, feedback } = station;
  const input = useRef<HTMLInputElement>(null);
  const container = useRef<HTMLDivElement>(null);
  const [value, setValue] = useState("");
  const [fullscreen, setFullscreen] = useState(false);

  const focusInput = () => input.current?.focus();

  // Refocus after every action: a package opened, a scan answered, a package closed.
  useEffect(() => {
    if (shouldRefocus()) input.current?.focus();
  }, [pkg, closed, feedback, station.busy]);

  useEffect(() => {
    const onChange = () => setFullscreen(document.fullscreenElement === container.current);
    document.addEventListener("fullscreenchange", onChange);
    return () => document.removeEventListener("fullscreenchange", onChange);
  }, []);

  function send(e?: FormEvent) {
    e?.preventDefault();
    const code = value;
    setValue("");
    void station.submit(code);
  }

  function onKeyDown(e: KeyboardEvent<HTMLInputElement>) {
    // Some scanners end with Tab instead of Enter.
    if (e.key === "Tab" && value.trim() !== "") {
      e.preventDefault();
      send();
    }
  }

  function toggleFullscreen() {
    if (document.fullscreenElement) void document.exitFullscreen();
    else void container.current?.requestFullscreen?.();
  }

  return (
    <div ref={container} className="min-h-[calc(100vh-7rem)] space-y-4 overflow-auto bg-slate-50 p-1" data-testid="pack-station">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold">{t("title")}</h1>
          <p className="text-slate-500">{t("subtitle")}</p>
        </div>
        <div className="flex items-start gap-2">
          <CameraScanner onCode={(code) => void station.submit(code)} />
          <button
            type="button"
            onClick={toggleFullscreen}
            className="rounded-md border border-slate-300 bg-white px-3 py-2 text-sm font-medium hover:bg-slate-50"
          >
            {fullscreen ? t("exitFullscreen") : t("fullscreen")}
          </button>
        </div>
      </div>

      <form onSubmit={send}>
        <label htmlFor="pack-input" className="mb-1 block text-lg font-semibold text-slate-700">
          {pkg ? t("input.labelScan") : t("input.labelStart")}
        </label>
        <input
          id="pack-input"
          ref={input}
          data-testid="pack-input"
          data-mode={pkg ? "scan" : "start"}
          autoFocus
          autoComplete="off"
          autoCorrect="off"
          autoCapitalize="off"
          spellCheck={false}
          value={value}
          onChange={(e) => setValue(e.target.value)}
          onKeyDown={onKeyDown}
          // The focus comes back without scrolling: scrolling up to the input between mouse down and up made a click on
          // "Close package" miss. A button pressed keeps the focus until its click has run, then the scanner has it again.
          onBlur={(e) => {
            const back = () => setTimeout(() => shouldRefocus() && input.current?.focus({ preventScroll: true }), 0);
            if (e.relatedTarget instanceof HTMLButtonElement) e.relatedTarget.addEventListener("click", back, { once: true });
            else back();
          }}
          placeholder={pkg ? t("input.placeholderScan") : t("input.placeholderStart")}
          aria-busy={station.busy}
          className="block h-20 w-full rounded-xl border-4 border-brand-500 bg-white px-5 font-mono text-4xl shadow-inner outline-none focus:border-brand-700 focus:ring-4 focus:ring-brand-100"
        />
      </form>

      <PackScanBanner feedback={feedback} />

      {closed && !pkg && <ClosedPanel closed={closed} />}

      {pkg ? (
        <>
          <section className="flex flex-wrap items-end justify-between gap-4 rounded-xl border border-slate-200 bg-white p-4">
            <div>
              <h2 className="text-3xl font-bold" data-testid="pack-order">
                {t("order.heading", { number: pkg.order.number })}
                <span className="ml-3 text-lg font-medium text-slate-500">{t("order.package", { number: pkg.packageNumber })}</span>
              </h2>
              <p className="text-slate-600">
                {pkg.order.externalNumber
                  ? t("order.external", { channel: pkg.order.channelName, externalNumber: pkg.order.externalNumber })
                  : pkg.order.channelName}
                {" · "}
                {t("order.packer", { name: pkg.packerName ?? "—" })}
                {" · "}
                {t("order.started", { time: format.dateTime(pkg.startedAt, { timeStyle: "short" }) })}
              </p>
              {pkg.resumed && <p className="text-sm font-medium text-amber-700">{t("order.resumed")}</p>}
            </div>
            <div className="text-right">
              <p
                data-testid="pack-counts"
                data-scanned={pkg.scannedUnits}
                data-total={pkg.totalUnits}
                className={`text-3xl font-bold tabular-nums ${pkg.complete ? "text-green-700" : "text-slate-900"}`}
              >
                {t("counts", { scanned: pkg.scannedUnits, total: pkg.totalUnits })}
              </p>
              <button type="button" onClick={station.leave} className="mt-1 text-sm text-brand-600 hover:underline">
                {t("order.switch")}
              </button>
            </div>
          </section>
          {pkg.complete && (
            <p className="rounded-lg bg-green-100 px-4 py-3 text-xl font-semibold text-green-800" data-testid="pack-complete">
              {t("complete")}
            </p>
          )}
          {/* Beside each other only where the expected lines still fit in two thirds (not at 1280 px). */}
          <div className="grid gap-4 2xl:grid-cols-3">
            <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white 2xl:col-span-2" data-testid="pack-lines-scroll">
              <PackLinesTable lines={pkg.lines} highlight={station.highlight} />
            </div>
            <PackScanLog scans={station.log} />
          </div>
          <PackCloseForm
            key={pkg.packageId}
            defaults={pkg.defaults}
            complete={pkg.complete}
            missing={missingOf(pkg.lines)}
            busy={station.closing}
            overrideError={station.overrideError}
            onClose={(box) => void station.closePackage(box)}
            onOverride={(box, override) => void station.closePackage(box, override)}
            onDialogClosed={focusInput}
          />
        </>
      ) : (
        !closed && <p className="text-lg text-slate-500">{t("order.idle")}</p>
      )}
    </div>
  );
}
