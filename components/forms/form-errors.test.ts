import { describe, expect, it } from "vitest";
import { isEdited, remainingError, remainingIssues } from "@/components/forms/form-errors";
import type { TrpcErrorLike } from "@/components/ui/error-text";

const zod = (...paths: string[]): TrpcErrorLike => ({
  message: "BAD_REQUEST",
  data: { domainCode: null, params: null, zodIssues: paths.map((path) => ({ path, code: "custom", message: "required" })) },
});

describe("form errors after edits", () => {
  it("an edited field's issue goes; the others stay", () => {
    const first = { "customer.name": "required", "shippingAddress.postalCode": "required", "shippingAddress.line1": "required", lines: "noLines" };
    expect(remainingIssues(first, ["customer.name", "shippingAddress.line1", "lines"])).toEqual({ "shippingAddress.postalCode": "required" });
  });

  it("adding a line clears 'no lines' but not a line's own issue; removing one clears every line's (they move up)", () => {
    expect(isEdited("lines", ["lines"])).toBe(true);
    expect(isEdited("lines.0.quantity", ["lines"])).toBe(false);
    expect(isEdited("lines.0.quantity", ["lines.*"])).toBe(true);
    expect(isEdited("lines", ["lines.*"])).toBe(true);
    expect(isEdited("linesX", ["lines.*"])).toBe(false);
    expect(isEdited("customer.name", ["customer.phone"])).toBe(false);
  });

  it("the server's zod issues lose those of edited fields, and the error goes with the last one", () => {
    const error = zod("name", "skus.0.priceCents");
    expect(remainingError(error, [])).toBe(error);
    expect(remainingError(error, ["skus.0.priceCents"])?.data?.zodIssues?.map((i) => i.path)).toEqual(["name"]);
    expect(remainingError(error, ["skus.0.priceCents", "name"])).toBeNull();
    // Another SKU's field, or a SKU's name, is not the product's name.
    expect(remainingError(error, ["skus.1.priceCents", "skus.0.name"])).toBe(error);
  });

  it("a domain error goes once the field it names is edited, in whichever SKU; one about no field waits for the next submit", () => {
    const ean: TrpcErrorLike = { message: "EAN", data: { domainCode: "VALIDATION", params: { rule: "EAN_CHECK_DIGIT", field: "ean", ean: "7891234567890" }, zodIssues: null } };
    expect(remainingError(ean, ["priceCents"])).toBe(ean);
    expect(remainingError(ean, ["ean"])).toBeNull();
    expect(remainingError(ean, ["skus.1.ean"])).toBeNull();
    const forbidden: TrpcErrorLike = { message: "no", data: { domainCode: "FORBIDDEN", params: {}, zodIssues: null } };
    expect(remainingError(forbidden, ["ean", "name"])).toBe(forbidden);
    expect(remainingError(null, ["ean"])).toBeNull();
  });
});
