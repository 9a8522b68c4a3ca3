import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { cents, decodeHtmlEntities, idStr, int, parseDate, parseJsonBody, str, verifyHmacSha256 } from "./read";
import { ChannelParseError, type InboundRequest } from "./types";

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
    expect(parseDate(text, "date").toISOString()).toBe(iso);
  });

  it.each(["2023-02-29T00:00:00Z", "2024-13-01T00:00:00Z", "2024-01-01T24:00:00Z", "01/02/2024", "tomorrow", "2024-01-01T10:00:00+25:00"])(
    "rejects %s",
    (text) => {
      expect(() => parseDate(text, "Test order created_at")).toThrow(
        new ChannelParseError(`Test order created_at is not a valid date: ${JSON.stringify(text)}`),
      );
    },
  );

  it("names a missing date", () => {
    expect(() => parseDate(null, "Test order updated_at")).toThrow("Test order updated_at is missing");
    expect(() => parseDate(1700000000000, "x")).toThrow(ChannelParseError);
  });
});

describe("field readers", () => {
  it("str, idStr, int, cents", () => {
    const o = { a: "  x ", b: "", c: 12, big: "820982911946154508", zero: 0, q: "3" };
    expect([str(o, "a"), str(o, "b"), str(o, "c"), str(o, "none")]).toEqual(["x", undefined, "12", undefined]);
    expect([idStr(o, "big"), idStr(o, "c"), idStr(o, "zero")]).toEqual(["820982911946154508", "12", undefined]);
    expect(int(o.q, "qty", 1)).toBe(3);
    expect(() => int("1.5", "Line 1 quantity", 1)).toThrow("Line 1 quantity is not an integer ≥ 1");
    expect(cents("1450000.00", "total")).toBe(145000000);
    expect(() => cents("12,30", "Test order total")).toThrow('Test order total is not a valid amount: "12,30"');
    expect(() => cents(undefined, "Test order total")).toThrow("Test order total is missing");
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
    expect(parseJsonBody(r('{"id":820982911946154508}'), "Test")).toEqual({ id: "820982911946154508" });
    expect(() => parseJsonBody(r(""), "Test")).toThrow("Test delivery has an empty body");
    expect(() => parseJsonBody(r("{"), "Test")).toThrow(/^Test body is not valid JSON: .*position 1/);
  });
});
