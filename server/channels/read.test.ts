import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { parseErrorOf } from "@/server/test/parse-error";
import { arr, asObject, cents, decodeHtmlEntities, idStr, int, minorUnits, obj, parseDate, parseJsonBody, str, verifyHmacSha256 } from "./read";
import type { InboundRequest } from "./types";
import { shortJson, Where } from "./where";

const at = (path: string) => path.split(".").reduce((w, step) => w.at(/^\d+$/.test(step) ? Number(step) : step), Where.root("Shopify"));

describe("parseDate", () => {
  it.each([
    ["2013-01-03T09:11:51-03:00", "2013-01-03T12:11:51.000Z"],
    ["2013-01-03T09:11:51-0300", "2013-01-03T12:11:51.000Z"],
    ["2013-01-03T09:11:51+0000", "2013-01-03T09:11:51.000Z"],
    ["2021-11-30T07:32:10", "2021-11-30T07:32:10.000Z"],
    ["2021-11-30 07:32:10", "2021-11-30T07:32:10.000Z"],
    ["2019-01-28T20:33:04.2535475+00:00", "2019-01-28T20:33:04.253Z"],
    ["2024-02-29T23:59:59Z", "2024-02-29T23:59:59.000Z"],
    ["2024-05-01", "2024-05-01T00:00:00.000Z"],
  ])("%s → %s", (text, iso) => {
    expect(parseDate(text, at("created_at")).toISOString()).toBe(iso);
  });

  it.each(["2023-02-29T00:00:00Z", "2024-13-01T00:00:00Z", "2024-01-01T24:00:00Z", "01/02/2024", "tomorrow", "2024-01-01T10:00:00+25:00"])(
    "rejects %s",
    (text) => {
      expect(parseErrorOf(() => parseDate(text, at("created_at")))).toEqual({
        rule: "notDate",
        params: { platform: "Shopify", field: "created_at", value: JSON.stringify(text) },
      });
    },
  );

  it("names a missing date, and quotes a date of another type", () => {
    expect(parseErrorOf(() => parseDate(null, at("updated_at")))).toEqual({ rule: "missingField", params: { platform: "Shopify", field: "updated_at" } });
    expect(parseErrorOf(() => parseDate(1700000000000, at("updated_at"))).params.value).toBe("1700000000000");
  });
});

describe("field readers", () => {
  it("str, idStr, int, cents", () => {
    const o = { a: "  x ", b: "", c: 12, big: "820982911946154508", zero: 0, q: "3" };
    expect([str(o, "a"), str(o, "b"), str(o, "c"), str(o, "none")]).toEqual(["x", undefined, "12", undefined]);
    expect([idStr(o, "big"), idStr(o, "c"), idStr(o, "zero")]).toEqual(["820982911946154508", "12", undefined]);
    expect(int(o.q, at("line_items.0.quantity"), 1)).toBe(3);
    expect(cents("1450000.00", at("total_price"))).toBe(145000000);
  });

  it("name the field by its path, what was sent and what was expected", () => {
    const field = (path: string) => ({ platform: "Shopify", field: path });
    expect(parseErrorOf(() => int("1.5", at("line_items.0.quantity"), 1))).toEqual({
      rule: "notInteger", params: { ...field("line_items[0].quantity"), min: "1", value: '"1.5"' },
    });
    expect(parseErrorOf(() => int(undefined, at("line_items.0.quantity"), 1))).toEqual({ rule: "missingField", params: field("line_items[0].quantity") });
    expect(parseErrorOf(() => cents("12,30", at("total_price")))).toEqual({ rule: "notAmount", params: { ...field("total_price"), value: '"12,30"' } });
    expect(parseErrorOf(() => cents({ amount: 1 }, at("total_price"))).rule).toBe("notAmount");
    expect(parseErrorOf(() => cents(undefined, at("total_price")))).toEqual({ rule: "missingField", params: field("total_price") });
    expect(parseErrorOf(() => minorUnits(253.8, at("value")))).toEqual({ rule: "notMinorUnits", params: { ...field("value"), value: "253.8" } });
    expect(parseErrorOf(() => minorUnits("99999999999999999999", at("value"))).rule).toBe("amountTooLarge");
    expect(parseErrorOf(() => obj({ customer: [1] }, "customer", at("order")))).toEqual({ rule: "notObject", params: { ...field("order.customer"), value: "[1]" } });
    expect(parseErrorOf(() => arr({ line_items: {} }, "line_items", Where.root("Shopify")))).toEqual({ rule: "notArray", params: { ...field("line_items"), value: "{}" } });
    expect(parseErrorOf(() => asObject("x", Where.root("Shopify")))).toEqual({ rule: "bodyNotObject", params: { platform: "Shopify", value: '"x"' } });
    expect(parseErrorOf(() => asObject(7, at("0")))).toEqual({ rule: "notObject", params: { ...field("[0]"), value: "7" } });
  });

  it("shortJson quotes a value as JSON, cut to 60 characters", () => {
    expect(shortJson("abc")).toBe('"abc"');
    expect(shortJson({ a: [1, 2] })).toBe('{"a":[1,2]}');
    const long = shortJson("x".repeat(100));
    expect([...long]).toHaveLength(60);
    expect(long.endsWith("…")).toBe(true);
  });

  it("decodeHtmlEntities: common named and numeric entities, one pass", () => {
    expect(decodeHtmlEntities("Ship Your Idea &ndash; Color: Black")).toBe("Ship Your Idea – Color: Black");
    expect(decodeHtmlEntities("A &amp; B &#8211; &#x2014; &quot;q&quot; &#039;s&#039; &times;")).toBe("A & B – — \"q\" 's' ×");
    expect(decodeHtmlEntities("&amp;lt; &unknown; & plain")).toBe("&lt; &unknown; & plain");
  });
});

describe("request helpers", () => {
  const body = '{"id":1}';
  const req = (value: string | undefined): InboundRequest => ({ rawBody: Buffer.from(body), headers: { "x-sig": value }, query: {} });

  it("verifyHmacSha256 in both encodings", () => {
    const digest = createHmac("sha256", "s").update(body).digest();
    expect(verifyHmacSha256(req(digest.toString("base64")), "s", { header: "x-sig", encoding: "base64" })).toEqual({ ok: true });
    expect(verifyHmacSha256(req(digest.toString("hex")), "s", { header: "x-sig", encoding: "hex" })).toEqual({ ok: true });
    expect(verifyHmacSha256(req(digest.toString("hex")), "s", { header: "x-sig", encoding: "base64" }).ok).toBe(false);
    expect(verifyHmacSha256(req("not base64!"), "s", { header: "x-sig", encoding: "base64" }).ok).toBe(false);
    expect(verifyHmacSha256(req(digest.toString("base64")), "", { header: "x-sig", encoding: "base64" }).ok).toBe(false);
    expect(verifyHmacSha256(req("  "), "s", { header: "x-sig", encoding: "base64" })).toEqual({ ok: false, reason: "missing x-sig header" });
  });

  it("parseJsonBody: exact ids, ChannelParseError on bad or empty bodies", () => {
    const r = (text: string): InboundRequest => ({ rawBody: Buffer.from(text), headers: {}, query: {} });
    expect(parseJsonBody(r('{"id":820982911946154508}'), "VTEX")).toEqual({ id: "820982911946154508" });
    expect(parseErrorOf(() => parseJsonBody(r(" "), "VTEX"))).toEqual({ rule: "emptyBody", params: { platform: "VTEX" } });
    expect(parseErrorOf(() => parseJsonBody(r('{"id": 1,\n "x": \'y\'}'), "VTEX"))).toEqual({
      rule: "invalidJson", params: { platform: "VTEX", line: "2", column: "7", found: "'" },
    });
    expect(parseErrorOf(() => parseJsonBody(r('{"id": 1,'), "VTEX"))).toEqual({ rule: "truncatedJson", params: { platform: "VTEX", line: "1", column: "10" } });
  });
});
