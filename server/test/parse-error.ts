/** For connector tests: what a parse failure says, as its rule and values. */
import { ChannelParseError } from "@/server/channels/types";
import type { ChannelParseRule } from "@/server/channels/parse-errors";

/** The rule and values of the ChannelParseError `fn` throws; anything else thrown (or nothing) fails the test. */
export function parseErrorOf(fn: () => unknown): { rule: ChannelParseRule; params: Record<string, string> } {
  try {
    fn();
  } catch (e) {
    if (e instanceof ChannelParseError) return { rule: e.rule, params: e.params };
    throw e;
  }
  throw new Error("expected a ChannelParseError; nothing was thrown");
}
