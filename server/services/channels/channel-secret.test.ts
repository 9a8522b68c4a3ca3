import { describe, expect, it } from "vitest";
import { CHANNEL_SECRET_MAX, channelSecretInput, secretProblem } from "@/server/services/channels/channel-secret";

describe("secretProblem", () => {
  it("explains before submit what the server would refuse", () => {
    expect(secretProblem("abc")).toEqual({ key: "secretTooShort", count: 3 });
    expect(secretProblem("  abcdefg  ")).toEqual({ key: "secretTooShort", count: 7 });
    expect(secretProblem("abcd efgh")).toEqual({ key: "secretSpaces" });
    expect(secretProblem("")).toBeNull();
    expect(secretProblem("shpss_0123456789")).toBeNull();
  });

  it("agrees with the server's rule on every typed secret", () => {
    for (const text of ["abc", "abcdefgh", " abcdefgh ", "abcd efgh", "a".repeat(CHANNEL_SECRET_MAX), "x\ty".repeat(3)]) {
      expect(secretProblem(text) === null, text).toBe(channelSecretInput.safeParse(text).success);
    }
  });
});
