"use client";
/**
 * Optional camera scanning where the browser has BarcodeDetector (Chrome on
 * Android, some desktops). Feature-detected after mount; without it the
 * button is not rendered at all. A detected code is handed on like a scanner's
 * line; the same code is ignored for a moment so one box is not read ten times.
 */
import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";

interface DetectedBarcode {
  rawValue: string;
}
interface BarcodeDetectorLike {
  detect(source: HTMLVideoElement): Promise<DetectedBarcode[]>;
}
type BarcodeDetectorCtor = new (opts?: { formats?: string[] }) => BarcodeDetectorLike;

const FORMATS = ["ean_13", "ean_8", "upc_a", "upc_e", "code_128", "code_39", "qr_code"];
const REPEAT_MS = 1500;

function detectorCtor(): BarcodeDetectorCtor | null {
  if (typeof window === "undefined") return null;
  return (window as unknown as { BarcodeDetector?: BarcodeDetectorCtor }).BarcodeDetector ?? null;
}

export function CameraScanner({ onCode }: { onCode: (code: string) => void }) {
  const t = useTranslations("packing.camera");
  const [supported, setSupported] = useState(false);
  const [active, setActive] = useState(false);
  const [failed, setFailed] = useState(false);
  const video = useRef<HTMLVideoElement>(null);
  const onCodeRef = useRef(onCode);

  useEffect(() => {
    onCodeRef.current = onCode;
  }, [onCode]);

  useEffect(() => {
    // Client-only detection (the server render has no window): runs once after mount.
    const has = detectorCtor() !== null && typeof navigator !== "undefined" && !!navigator.mediaDevices?.getUserMedia;
    if (has) queueMicrotask(() => setSupported(true));
  }, []);

  useEffect(() => {
    const Ctor = detectorCtor();
    if (!active || !Ctor) return;
    let stream: MediaStream | null = null;
    let timer: ReturnType<typeof setInterval> | undefined;
    let stopped = false;
    let last = { code: "", at: 0 };
    const detector = new Ctor({ formats: FORMATS });
    (async () => {
      try {
        stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: "environment" } });
        if (stopped || !video.current) return;
        video.current.srcObject = stream;
        await video.current.play();
        timer = setInterval(async () => {
          if (!video.current || video.current.readyState < 2) return;
          const found = (await detector.detect(video.current).catch(() => []))[0]?.rawValue;
          const now = Date.now();
          if (!found || (found === last.code && now - last.at < REPEAT_MS)) return;
          last = { code: found, at: now };
          onCodeRef.current(found);
        }, 250);
      } catch {
        setFailed(true);
        setActive(false);
      }
    })();
    return () => {
      stopped = true;
      if (timer) clearInterval(timer);
      stream?.getTracks().forEach((track) => track.stop());
    };
  }, [active]);

  if (!supported) return null;
  return (
    <div className="space-y-2">
      <button
        type="button"
        data-testid="pack-camera"
        onClick={() => {
          setFailed(false);
          setActive((a) => !a);
        }}
        className="rounded-md border border-slate-300 bg-white px-3 py-2 text-sm font-medium hover:bg-slate-50"
      >
        {active ? t("stop") : t("start")}
      </button>
      {failed && <p className="text-sm text-red-700">{t("failed")}</p>}
      {active && <video ref={video} muted playsInline className="w-full max-w-sm rounded-lg border border-slate-300" />}
    </div>
  );
}
