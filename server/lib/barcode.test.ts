import { describe, expect, it } from "vitest";
import { barcodeUrl, isBarcodeText, renderBarcodePng } from "./barcode";

const PNG = [0x89, 0x50, 0x4e, 0x47];

describe("barcodes", () => {
  it("accepts only EAN-13 with a valid check digit", () => {
    expect(isBarcodeText("ean13", "7891000315507")).toBe(true);
    expect(isBarcodeText("ean13", "7891000315508")).toBe(false);
    expect(isBarcodeText("ean13", "789100031550")).toBe(false);
  });

  it("accepts short printable ASCII for Code 128", () => {
    expect(isBarcodeText("code128", "PL12-T3")).toBe(true);
    expect(isBarcodeText("code128", "")).toBe(false);
    expect(isBarcodeText("code128", "ação")).toBe(false);
    expect(isBarcodeText("code128", "x".repeat(65))).toBe(false);
  });

  it("renders PNG images", async () => {
    const ean = await renderBarcodePng("ean13", "7891000315507");
    const label = await renderBarcodePng("code128", "PL12", { includeText: false, height: 8 });
    expect([...ean.subarray(0, 4)]).toEqual(PNG);
    expect([...label.subarray(0, 4)]).toEqual(PNG);
    expect(ean.length).toBeGreaterThan(200);
  });

  it("refuses to draw an invalid EAN", async () => {
    await expect(renderBarcodePng("ean13", "1234567890123")).rejects.toThrow(RangeError);
  });

  it("builds encoded URLs", () => {
    expect(barcodeUrl("code128", "PL1-T2/3")).toBe("/api/barcodes/code128/PL1-T2%2F3");
  });
});
