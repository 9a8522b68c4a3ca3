import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import en from "@/server/i18n/messages/orders.en.json";
import ptBR from "@/server/i18n/messages/orders.pt-BR.json";
import { SHIPMENT_STATUSES } from "@/server/services/shipping/shipment-status";
import { SHIPPING_EXCEPTION_TYPES } from "@/server/services/shipping/shipping-exceptions";
import { DELIVERY_EXCEPTION_TYPES, TIMELINE_EVENT_TYPES, TRACKING_EVENT_STATUSES, timelineLabelKeys } from "./timeline-event-types";

const ROOT = path.resolve(import.meta.dirname, "../../..");
/** Where order events are written: services, channel connectors, routers, the demo seed. */
const SCANNED = ["server/services", "server/channels", "server/api", "prisma/seed"];
const EVENT_LITERAL = /["'`]((?:order|payment|pick_list|stock|shipment|exception|package|packing|picking|invoice|return|fraud)\.[a-z_]+)["'`]/g;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) && !name.includes("test-f") ? [full] : [];
  });
}

function writtenEventTypes(): Map<string, string> {
  const found = new Map<string, string>();
  for (const dir of SCANNED) {
    for (const file of sourceFiles(path.join(ROOT, dir))) {
      for (const m of readFileSync(file, "utf8").matchAll(EVENT_LITERAL)) {
        if (!found.has(m[1] as string)) found.set(m[1] as string, path.relative(ROOT, file));
      }
    }
  }
  return found;
}

const events = { en: en.orders.timeline.events as Record<string, string>, "pt-BR": ptBR.orders.timeline.events as Record<string, string> };

describe("order timeline labels", () => {
  it("lists every event type the code writes", () => {
    const found = writtenEventTypes();
    expect(found.size).toBeGreaterThan(20);
    const unlisted = [...found].filter(([type]) => !(TIMELINE_EVENT_TYPES as readonly string[]).includes(type)).map(([type, file]) => `${type} (${file})`);
    expect(unlisted).toEqual([]);
  });

  it.each(Object.keys(events) as (keyof typeof events)[])("has a %s label for every event type, tracking status and delivery exception", (lang) => {
    const keys = [
      ...TIMELINE_EVENT_TYPES.map((type) => timelineLabelKeys(type, null)[0] as string),
      ...TRACKING_EVENT_STATUSES.map((status) => timelineLabelKeys("shipment.tracking", { status })[0] as string),
      ...DELIVERY_EXCEPTION_TYPES.map((exceptionType) => timelineLabelKeys("shipment.exception", { exceptionType })[0] as string),
    ];
    const missing = keys.filter((k) => typeof events[lang][k] !== "string" || events[lang][k].trim() === "");
    expect(missing).toEqual([]);
  });

  it("knows every shipment status and delivery exception type the shipping services use", () => {
    expect([...TRACKING_EVENT_STATUSES].sort()).toEqual([...SHIPMENT_STATUSES].sort());
    expect([...DELIVERY_EXCEPTION_TYPES].sort()).toEqual([...SHIPPING_EXCEPTION_TYPES].sort());
  });

  it("labels a tracking update by its status and a delivery exception by its type, falling back to the event", () => {
    expect(timelineLabelKeys("shipment.tracking", { status: "OUT_FOR_DELIVERY" })).toEqual(["shipment_tracking_OUT_FOR_DELIVERY", "shipment_tracking"]);
    expect(timelineLabelKeys("shipment.exception", { exceptionType: "SHIPMENT_LATE" })).toEqual(["shipment_exception_SHIPMENT_LATE", "shipment_exception"]);
    expect(timelineLabelKeys("shipment.tracking", { status: "in transit; drop" })).toEqual(["shipment_tracking"]);
    expect(timelineLabelKeys("order.package_closed", { status: "X" })).toEqual(["order_package_closed"]);
  });
});
