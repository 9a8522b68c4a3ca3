/**
 * JSON.parse that keeps 64-bit ids exact. Platforms (Shopify above all) send
 * integer ids above 2^53 as bare numbers; JSON.parse rounds them silently.
 * This parser returns every integer literal whose absolute value exceeds
 * Number.MAX_SAFE_INTEGER as a string with its exact digits ("-" kept).
 * Everything else behaves like JSON.parse: decimals and exponents stay
 * numbers, duplicate keys keep the last value, "__proto__" is an own key.
 */

export class JsonSyntaxError extends SyntaxError {
  constructor(
    message: string,
    /** Offset (UTF-16 code units) in the text where the problem was found. */
    public readonly position: number,
  ) {
    super(message);
    this.name = "JsonSyntaxError";
  }
}

const MAX_SAFE_DIGITS = String(Number.MAX_SAFE_INTEGER);
const MAX_DEPTH = 512;
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

function isUnsafeIntegerDigits(digits: string): boolean {
  if (digits.length !== MAX_SAFE_DIGITS.length) return digits.length > MAX_SAFE_DIGITS.length;
  return digits > MAX_SAFE_DIGITS;
}

const ESCAPES: Record<string, string> = {
  '"': '"',
  "\\": "\\",
  "/": "/",
  b: "\b",
  f: "\f",
  n: "\n",
  r: "\r",
  t: "\t",
};

class Parser {
  private pos = 0;

  constructor(private readonly text: string) {}

  parseDocument(): unknown {
    this.skipWhitespace();
    const value = this.parseValue(0);
    this.skipWhitespace();
    if (this.pos < this.text.length) this.fail("Unexpected data after the JSON value");
    return value;
  }

  private fail(what: string, at: number = this.pos): never {
    const before = this.text.slice(0, at);
    const line = before.split("\n").length;
    const column = at - before.lastIndexOf("\n");
    const found = at < this.text.length ? `${JSON.stringify(this.text.charAt(at))}` : "end of input";
    throw new JsonSyntaxError(
      `Invalid JSON: ${what} at position ${at} (line ${line}, column ${column}; found ${found})`,
      at,
    );
  }

  private skipWhitespace(): void {
    const t = this.text;
    while (this.pos < t.length) {
      const c = t.charCodeAt(this.pos);
      if (c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d) this.pos++;
      else break;
    }
  }

  private parseValue(depth: number): unknown {
    if (depth > MAX_DEPTH) this.fail(`nesting deeper than ${MAX_DEPTH} levels`);
    const c = this.text.charAt(this.pos);
    switch (c) {
      case "{":
        return this.parseObject(depth);
      case "[":
        return this.parseArray(depth);
      case '"':
        return this.parseString();
      case "t":
        return this.parseLiteral("true", true);
      case "f":
        return this.parseLiteral("false", false);
      case "n":
        return this.parseLiteral("null", null);
      default:
        if (c === "-" || (c >= "0" && c <= "9")) return this.parseNumber();
        return this.fail(c === "" ? "Unexpected end of input, expected a value" : "Unexpected character, expected a value");
    }
  }

  private parseLiteral<T>(word: string, value: T): T {
    if (!this.text.startsWith(word, this.pos)) this.fail(`Unexpected token, expected ${word}`);
    this.pos += word.length;
    return value;
  }

  private parseNumber(): number | string {
    NUMBER.lastIndex = this.pos;
    const m = NUMBER.exec(this.text);
    if (!m) return this.fail("Malformed number");
    const literal = m[0];
    const end = this.pos + literal.length;
    const next = this.text.charAt(end);
    if (next !== "" && /[0-9.eE+-]/.test(next)) this.fail("Malformed number", end);
    this.pos = end;
    const isInteger = !/[.eE]/.test(literal);
    if (isInteger) {
      const digits = literal.startsWith("-") ? literal.slice(1) : literal;
      if (isUnsafeIntegerDigits(digits)) return literal;
    }
    return Number(literal);
  }

  private parseString(): string {
    const t = this.text;
    const start = this.pos;
    this.pos++; // opening quote
    let out = "";
    let runStart = this.pos;
    for (;;) {
      if (this.pos >= t.length) this.fail("Unterminated string", start);
      const c = t.charCodeAt(this.pos);
      if (c === 0x22) {
        out += t.slice(runStart, this.pos);
        this.pos++;
        return out;
      }
      if (c < 0x20) this.fail("Control character in string (must be escaped)");
      if (c !== 0x5c) {
        this.pos++;
        continue;
      }
      out += t.slice(runStart, this.pos);
      const e = t.charAt(this.pos + 1);
      if (e === "u") {
        const hex = t.slice(this.pos + 2, this.pos + 6);
        if (!/^[0-9a-fA-F]{4}$/.test(hex)) this.fail("Bad \\u escape in string");
        out += String.fromCharCode(parseInt(hex, 16));
        this.pos += 6;
      } else {
        const mapped = ESCAPES[e];
        if (mapped === undefined) this.fail("Bad escape in string");
        out += mapped;
        this.pos += 2;
      }
      runStart = this.pos;
    }
  }

  private parseArray(depth: number): unknown[] {
    const result: unknown[] = [];
    this.pos++; // [
    this.skipWhitespace();
    if (this.text.charAt(this.pos) === "]") {
      this.pos++;
      return result;
    }
    for (;;) {
      this.skipWhitespace();
      result.push(this.parseValue(depth + 1));
      this.skipWhitespace();
      const c = this.text.charAt(this.pos);
      this.pos++;
      if (c === "]") return result;
      if (c !== ",") this.fail("Expected ',' or ']' in array", this.pos - 1);
    }
  }

  private parseObject(depth: number): Record<string, unknown> {
    const result: Record<string, unknown> = {};
    this.pos++; // {
    this.skipWhitespace();
    if (this.text.charAt(this.pos) === "}") {
      this.pos++;
      return result;
    }
    for (;;) {
      this.skipWhitespace();
      if (this.text.charAt(this.pos) !== '"') this.fail("Expected a string key in object");
      const key = this.parseString();
      this.skipWhitespace();
      if (this.text.charAt(this.pos) !== ":") this.fail("Expected ':' after object key");
      this.pos++;
      this.skipWhitespace();
      const value = this.parseValue(depth + 1);
      // defineProperty: a "__proto__" key must become an own property, as with JSON.parse.
      Object.defineProperty(result, key, { value, writable: true, enumerable: true, configurable: true });
      this.skipWhitespace();
      const c = this.text.charAt(this.pos);
      this.pos++;
      if (c === "}") return result;
      if (c !== ",") this.fail("Expected ',' or '}' in object", this.pos - 1);
    }
  }
}

/** Parse JSON text; unsafe integers come back as exact digit strings. Throws JsonSyntaxError. */
export function parseJsonSafe(text: string): unknown {
  return new Parser(text).parseDocument();
}
