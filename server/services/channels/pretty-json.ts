/**
 * Re-indents a stored JSON body for reading WITHOUT re-serialising it: every
 * string and number literal is copied byte for byte, so 64-bit ids, "79.90"
 * and escapes stay exactly as the platform sent them (JSON.parse + stringify
 * would round ids above 2^53 and rewrite escapes). Bodies that are not JSON
 * (a WooCommerce ping is `webhook_id=12`) are returned unchanged.
 */
import { parseJsonSafe } from "@/server/lib/json-safe";

export function prettyJsonText(raw: string, indent = "  "): { text: string; isJson: boolean } {
  try {
    parseJsonSafe(raw);
  } catch {
    return { text: raw, isJson: false };
  }
  let out = "";
  let depth = 0;
  const newline = () => "\n" + indent.repeat(depth);
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i] as string;
    if (c === '"') {
      // Copy the whole string literal, escapes included.
      let j = i + 1;
      while (j < raw.length && raw[j] !== '"') j += raw[j] === "\\" ? 2 : 1;
      out += raw.slice(i, j + 1);
      i = j;
    } else if (c === "{" || c === "[") {
      // Empty containers stay on one line.
      let j = i + 1;
      while (j < raw.length && /\s/.test(raw[j] as string)) j++;
      if (raw[j] === (c === "{" ? "}" : "]")) {
        out += c + raw[j];
        i = j;
      } else {
        depth++;
        out += c + newline();
      }
    } else if (c === "}" || c === "]") {
      depth--;
      out += newline() + c;
    } else if (c === ",") {
      out += "," + newline();
    } else if (c === ":") {
      out += ": ";
    } else if (!/\s/.test(c)) {
      out += c;
    }
  }
  return { text: out, isJson: true };
}
