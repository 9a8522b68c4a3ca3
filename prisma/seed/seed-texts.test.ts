/**
 * The demo seed writes no Portuguese "system" sentence: what Fluxo itself did (actor "system", holds it placed)
 * carries no free text, a hold-reason code, or a reason the UI translates (stock.reasons, ledger-reasons.ts).
 * People's notes stay as the demo store's staff typed them.
 */
import { describe, expect, it } from "vitest";
import { isHoldReason } from "@/server/services/order/order-dimensions";
import { readLedgerReason } from "@/server/services/stock/ledger-reasons";
import { createGenerator } from "./generate";

const NOW = new Date("2026-11-28T15:00:00Z");

describe("seed texts of Fluxo's own steps", () => {
  const batches = [...createGenerator({ orders: 400, now: NOW }).batches()];
  const events = batches.flatMap((b) => b.events);
  const holds = batches.flatMap((b) => b.holds);
  const translatable = (text: string | null) => text === null || isHoldReason(text) || readLedgerReason(text) !== null;

  it("system timeline events have no hand-written reason or note", () => {
    const system = events.filter((e) => e.actorLabel === "system");
    expect(system.length).toBeGreaterThan(50);
    const untranslated = system.filter((e) => {
      const data = e.data && typeof e.data === "object" && !Array.isArray(e.data) ? (e.data as { note?: unknown; reasons?: unknown }) : {};
      // The allocation engine's summary, as the app stores it: the page shows the structured reasons instead (order-timeline.tsx).
      const shownAsCodes = Array.isArray(data.reasons);
      return (!shownAsCodes && !translatable(e.reason)) || (typeof data.note === "string" && !translatable(data.note));
    });
    expect(untranslated.map((e) => [e.type, e.reason])).toEqual([]);
    // The automatic cancellation of an unpaid order reads in the reader's language.
    expect(system.some((e) => e.reason !== null && readLedgerReason(e.reason)?.key === "unpaidFor")).toBe(true);
  });

  it("holds Fluxo placed carry no note; a person's hold keeps the note typed", () => {
    const bySystem = holds.filter((h) => h.createdById === null);
    expect(bySystem.length).toBeGreaterThan(0);
    expect(bySystem.filter((h) => !translatable(h.note))).toEqual([]);
    const byPerson = holds.filter((h) => h.createdById !== null && h.note !== null);
    expect(byPerson.length).toBeGreaterThan(0);
  });

  it("a released hold's note fits its reason", () => {
    const released = holds.filter((h) => h.releasedAt !== null);
    expect(released.length).toBeGreaterThan(0);
    for (const h of released) {
      expect(h.releaseNote).not.toBeNull();
      if (h.reason !== "INCORRECT_ADDRESS") expect(h.releaseNote).not.toMatch(/Endereço corrigido/);
    }
  });
});
