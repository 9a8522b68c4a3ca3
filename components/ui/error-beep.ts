"use client";
/**
 * The pack station's refusal sound: a loud two-tone square-wave beep made with
 * WebAudio (no audio files to load or cache). The AudioContext is created on
 * first use — a scanner's keystrokes count as the user gesture browsers need.
 */
let context: AudioContext | null = null;

function audio(): AudioContext | null {
  if (typeof window === "undefined") return null;
  const Ctor = window.AudioContext ?? (window as unknown as { webkitAudioContext?: typeof AudioContext }).webkitAudioContext;
  if (!Ctor) return null;
  context ??= new Ctor();
  if (context.state === "suspended") void context.resume();
  return context;
}

function tone(ctx: AudioContext, frequency: number, start: number, seconds: number, volume: number): void {
  const osc = ctx.createOscillator();
  const gain = ctx.createGain();
  osc.type = "square";
  osc.frequency.setValueAtTime(frequency, start);
  gain.gain.setValueAtTime(0.0001, start);
  gain.gain.exponentialRampToValueAtTime(volume, start + 0.01);
  gain.gain.setValueAtTime(volume, start + seconds - 0.03);
  gain.gain.exponentialRampToValueAtTime(0.0001, start + seconds);
  osc.connect(gain).connect(ctx.destination);
  osc.start(start);
  osc.stop(start + seconds + 0.02);
}

/** High-low-high-low: unmistakable over warehouse noise. Silent (never throws) where audio is unavailable. */
export function playErrorBeep(): void {
  try {
    const ctx = audio();
    if (!ctx) return;
    const t = ctx.currentTime + 0.01;
    [880, 440, 880, 440].forEach((f, i) => tone(ctx, f, t + i * 0.16, 0.14, 0.35));
  } catch {
    // Sound is a help, not a requirement: the red banner says it all.
  }
}

/** A short soft tick for an accepted unit. */
export function playOkTick(): void {
  try {
    const ctx = audio();
    if (!ctx) return;
    tone(ctx, 1760, ctx.currentTime + 0.01, 0.05, 0.08);
  } catch {
    // ignore
  }
}
