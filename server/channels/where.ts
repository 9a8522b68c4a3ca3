/**
 * Where a value sits in a delivery: the platform (by the name people know it
 * by) and the path from the body's root in the platform's own field names
 * (`line_items[0].quantity`, `[2].line_items`, `orderItems.payload.OrderItems[1]`).
 * Connectors carry one down as they read, so every ChannelParseError names
 * the exact field.
 */
import type { TemplateParams } from "@/server/lib/text-templates";
import type { ChannelParseRule } from "./parse-errors";
import { ChannelParseError } from "./types";

export type PlatformName = "Shopify" | "WooCommerce" | "Mercado Livre" | "VTEX" | "Nuvemshop" | "Amazon";

/** A value as JSON, cut to `max` characters: how an error quotes what the platform sent. */
export function shortJson(value: unknown, max = 60): string {
  const chars = [...(JSON.stringify(value) ?? String(value))];
  return chars.length <= max ? chars.join("") : `${chars.slice(0, max - 1).join("")}…`;
}

export class Where {
  private constructor(
    readonly platform: PlatformName,
    /** "" for the body itself. */
    readonly path: string,
  ) {}

  /** The body of a delivery from `platform`. */
  static root(platform: PlatformName): Where {
    return new Where(platform, "");
  }

  get isRoot(): boolean {
    return this.path === "";
  }

  /** A key (`"line_items"`, `"payload.OrderItems"`) or an index (`0`) below this place. */
  at(step: string | number): Where {
    if (typeof step === "number") return new Where(this.platform, `${this.path}[${step}]`);
    return new Where(this.platform, this.isRoot ? step : `${this.path}.${step}`);
  }

  /** An error about this place: the platform and the field's path are filled in. */
  error(rule: ChannelParseRule, params: TemplateParams = {}): ChannelParseError {
    return new ChannelParseError(rule, { platform: this.platform, field: this.path, ...params });
  }

  /** The value here is not what `rule` expects: the error quotes it (shortened). */
  bad(rule: ChannelParseRule, value: unknown, params: TemplateParams = {}): ChannelParseError {
    return this.error(rule, { value: shortJson(value), ...params });
  }

  /** None of the fields `keys` below this place were sent. */
  noneOf(...keys: string[]): ChannelParseError {
    return this.error("missingOneOf", { fields: keys.map((k) => this.at(k).path).join(", ") });
  }
}
