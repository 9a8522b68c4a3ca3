"use client";
/**
 * The pack station's state: the open package, the last scan's feedback, the
 * scan log and the closed package. Codes from the scanner are queued and sent
 * one at a time (a scanner types faster than a round trip; the order of scans
 * matters). With no package open a code opens one; otherwise it is a unit.
 */
import { useMutation } from "@tanstack/react-query";
import type { inferRouterOutputs } from "@trpc/server";
import { useCallback, useRef, useState } from "react";
import { useTRPC } from "@/components/providers/trpc";
import { playErrorBeep, playOkTick } from "@/components/ui/error-beep";
import type { Feedback } from "@/components/ui/pack-scan-banner";
import { usePackingErrorText } from "@/components/ui/packing-error-text";
import type { Box } from "@/components/forms/pack-close-form";
import type { OverrideValues } from "@/components/dialogs/pack-override-dialog";
import type { ScanLogRow } from "@/components/tables/pack-scan-log";
import type { AppRouter } from "@/server/api/root";

type Outputs = inferRouterOutputs<AppRouter>["packing"];
export type OpenPackage = Outputs["start"];
export type ClosedPackage = Outputs["close"];

const LOG_SIZE = 15;
const HIGHLIGHT_MS = 900;

interface ErrorLike {
  message: string;
  data?: { domainCode?: string | null; params?: Record<string, string | number> | null } | null;
}

export function usePackStation() {
  const trpc = useTRPC();
  const errorText = usePackingErrorText();
  const start = useMutation(trpc.packing.start.mutationOptions());
  const scan = useMutation(trpc.packing.scan.mutationOptions());
  const close = useMutation(trpc.packing.close.mutationOptions());

  const [pkg, setPkgState] = useState<OpenPackage | null>(null);
  const [feedback, setFeedback] = useState<Feedback | null>(null);
  const [highlight, setHighlight] = useState<{ lineId: string; ok: boolean; key: number } | null>(null);
  const [log, setLog] = useState<ScanLogRow[]>([]);
  const [closed, setClosed] = useState<ClosedPackage | null>(null);
  const [overrideError, setOverrideError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const pkgRef = useRef<OpenPackage | null>(null);
  const queue = useRef<string[]>([]);
  const running = useRef(false);
  const seq = useRef(0);
  const highlightTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  const setPkg = useCallback((next: OpenPackage | null) => {
    pkgRef.current = next;
    setPkgState(next);
  }, []);

  const fail = useCallback(
    (e: unknown) => {
      playErrorBeep();
      setFeedback({ kind: "error", text: errorText(e as ErrorLike) ?? String(e), key: ++seq.current });
    },
    [errorText],
  );

  const light = useCallback((lineId: string | null, ok: boolean) => {
    clearTimeout(highlightTimer.current);
    if (!lineId) return setHighlight(null);
    setHighlight({ lineId, ok, key: ++seq.current });
    highlightTimer.current = setTimeout(() => setHighlight(null), HIGHLIGHT_MS);
  }, []);

  const handle = useCallback(
    async (code: string) => {
      const current = pkgRef.current;
      if (!current) {
        try {
          const opened = await start.mutateAsync({ code });
          setPkg(opened);
          setLog(opened.recentScans);
          setClosed(null);
          setFeedback(null);
        } catch (e) {
          fail(e);
        }
        return;
      }
      try {
        const r = await scan.mutateAsync({ packageId: current.packageId, code });
        const next = { ...current, lines: r.lines, totalUnits: r.totalUnits, scannedUnits: r.scannedUnits, complete: r.complete };
        setPkg(next);
        setLog((prev) => [r.scan, ...prev].slice(0, LOG_SIZE));
        if (r.result === "ACCEPTED") {
          playOkTick();
          setFeedback({ kind: "accepted", params: r.params, key: ++seq.current });
          light(r.lineId, true);
        } else {
          playErrorBeep();
          setFeedback({ kind: "refused", result: r.result, params: r.params, key: ++seq.current });
          light(r.lineId, false);
        }
      } catch (e) {
        fail(e);
      }
    },
    [start, scan, setPkg, fail, light],
  );

  const submit = useCallback(
    async (raw: string) => {
      const code = raw.trim();
      if (!code) return;
      queue.current.push(code);
      if (running.current) return;
      running.current = true;
      setBusy(true);
      try {
        for (let next = queue.current.shift(); next !== undefined; next = queue.current.shift()) await handle(next);
      } finally {
        running.current = false;
        setBusy(false);
      }
    },
    [handle],
  );

  const closePackage = useCallback(
    async (box: Box, override?: OverrideValues) => {
      const current = pkgRef.current;
      if (!current) return;
      setOverrideError(null);
      try {
        const r = await close.mutateAsync({ packageId: current.packageId, box, ...(override ? { override } : {}) });
        setClosed(r);
        setPkg(null);
        setLog([]);
        setFeedback(null);
      } catch (e) {
        if (override) {
          playErrorBeep();
          setOverrideError(errorText(e as ErrorLike));
        } else {
          fail(e);
        }
      }
    },
    [close, setPkg, errorText, fail],
  );

  /** Leaves the open package as it is (it resumes when its order is scanned again). */
  const leave = useCallback(() => {
    setPkg(null);
    setLog([]);
    setFeedback(null);
    setClosed(null);
  }, [setPkg]);

  return { pkg, feedback, highlight, log, closed, busy, closing: close.isPending, overrideError, submit, closePackage, leave };
}
