import { describe, expect, it } from "vitest";
import { z } from "zod";
import { currencyCodeInput, ruled, toIssueView } from "@/server/lib/zod-issue-view";

const issues = (schema: z.ZodType, value: unknown) => (schema.safeParse(value).error?.issues ?? []).map(toIssueView);

describe("toIssueView", () => {
  it("keeps the code and the numbers the UI words the issue with, not only zod's English message", () => {
    const schema = z.object({
      name: z.string().trim().min(1),
      secret: z.string().min(8, "The secret must have at least 8 characters"),
      lines: z.array(z.object({ quantity: z.number().int().positive().max(10) })).min(1),
      services: z.array(z.string()).min(1, "Give at least one service"),
    });
    expect(issues(schema, { name: " ", secret: "abc", lines: [{ quantity: 0 }, { quantity: 11 }], services: [] })).toEqual([
      { path: "name", code: "too_small", origin: "string", minimum: 1, inclusive: true, message: expect.any(String) },
      { path: "secret", code: "too_small", origin: "string", minimum: 8, inclusive: true, message: "The secret must have at least 8 characters" },
      { path: "lines.0.quantity", code: "too_small", origin: "number", minimum: 0, inclusive: false, message: expect.any(String) },
      { path: "lines.1.quantity", code: "too_big", origin: "number", maximum: 10, inclusive: true, message: expect.any(String) },
      { path: "services", code: "too_small", origin: "array", minimum: 1, inclusive: true, message: "Give at least one service" },
    ]);
  });

  it("names a refinement's rule, the type expected and the format", () => {
    const schema = z.object({
      delta: z.number().refine((d) => d !== 0, ruled("NOT_ZERO", "delta must not be 0")),
      quantity: z.number().int(),
      email: z.email(),
      missing: z.string(),
    });
    const [delta, quantity, email, missing] = issues(schema, { delta: 0, quantity: 1.5, email: "no" });
    expect(delta).toEqual({ path: "delta", code: "custom", rule: "NOT_ZERO", message: "delta must not be 0" });
    expect(quantity).toMatchObject({ code: "invalid_type", expected: "int" });
    expect(email).toMatchObject({ code: "invalid_format", format: "email" });
    expect(missing).toMatchObject({ path: "missing", code: "invalid_type", expected: "string" });
  });
});

describe("currencyCodeInput", () => {
  it("takes a code as typed and names its rule when it is not one", () => {
    expect(currencyCodeInput().parse(" brl ")).toBe("BRL");
    expect(issues(currencyCodeInput(), "reais")).toEqual([expect.objectContaining({ code: "custom", rule: "CURRENCY_CODE" })]);
  });
});
