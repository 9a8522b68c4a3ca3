import { describe, expect, it } from "vitest";
import { parseJsonSafe } from "@/server/lib/json-safe";
import { prettyJsonText } from "./pretty-json";

describe("prettyJsonText", () => {
  it("re-indents without touching literals: 64-bit ids, decimals and escapes stay byte-exact", () => {
    const raw = '{"id":820982911946154508,"price":"79.90","n":1.10,"s":"a\\"b, {c}: [d]","u":"\\u20b9","e":[],"o":{},"l":[1, 2 ,{"x":null}]}';
    const { text, isJson } = prettyJsonText(raw);
    expect(isJson).toBe(true);
    expect(text).toBe(
      [
        "{",
        '  "id": 820982911946154508,',
        '  "price": "79.90",',
        '  "n": 1.10,',
        '  "s": "a\\"b, {c}: [d]",',
        '  "u": "\\u20b9",',
        '  "e": [],',
        '  "o": {},',
        '  "l": [',
        "    1,",
        "    2,",
        "    {",
        '      "x": null',
        "    }",
        "  ]",
        "}",
      ].join("\n"),
    );
    // Same document: only whitespace changed.
    expect(parseJsonSafe(text)).toEqual(parseJsonSafe(raw));
  });

  it("returns non-JSON bodies unchanged", () => {
    expect(prettyJsonText("webhook_id=12")).toEqual({ text: "webhook_id=12", isJson: false });
    expect(prettyJsonText('{"a":')).toEqual({ text: '{"a":', isJson: false });
  });

  it("keeps a string ending in an escaped backslash intact", () => {
    expect(prettyJsonText('["a\\\\",1]').text).toBe('[\n  "a\\\\",\n  1\n]');
  });
});
