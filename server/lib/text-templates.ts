/**
 * Texts Fluxo writes into the database for people to read later (delivery
 * notes, stock ledger reasons…): stored as English built from a template, so
 * logs and support read them as they are, and read back into their key and
 * values with the same template, so that a screen can show them in the
 * reader's language. Pure and client-safe.
 */

/** Values of a text, by placeholder name. */
export type TemplateParams = Record<string, string | number>;

export interface ReadText<K extends string> {
  key: K;
  params: Record<string, string>;
}

export interface TemplateTable<K extends string> {
  keys: K[];
  /** The English text of `key`, as stored. */
  write(key: K, params?: TemplateParams): string;
  /** The template a stored text was built from, with its values; null for any other text. */
  read(text: string | null | undefined): ReadText<K> | null;
}

const HOLE = /\{(\w+)\}/g;
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** The inside of a JSON string literal: it cannot run past an unescaped quote. */
const JSON_STRING_BODY = '((?:[^"\\\\]|\\\\.)*)';

function unquote(inside: string): string {
  try {
    return JSON.parse(`"${inside}"`) as string;
  } catch {
    return inside;
  }
}

/**
 * `{name}` in a template is a value. Texts are read back in the table's order: the first that matches wins
 * (specific before generic). Values named in `digits` match only digits (an order number, a row). Values named
 * in `quoted` stand between double quotes in the template (`"{field}"`) and are written JSON-escaped, so any
 * text (a platform's field path or topic) reads back exactly, whatever follows it.
 */
export function templateTable<K extends string>(
  name: string,
  templates: Readonly<Record<K, string>>,
  digits: readonly string[] = [],
  quoted: readonly string[] = [],
): TemplateTable<K> {
  const keys = Object.keys(templates) as K[];
  const readers = keys.map((key) => {
    const template = templates[key];
    const names = [...template.matchAll(HOLE)].map((m) => m[1] as string);
    const parts = template.split(HOLE).filter((_, i) => i % 2 === 0);
    for (const [i, n] of names.entries()) {
      if (quoted.includes(n) && !(parts[i]?.endsWith('"') && parts[i + 1]?.startsWith('"'))) throw new Error(`${name} ${key}: {${n}} must stand between quotes`);
    }
    // A value at the end takes the rest of the text (a database message may run over lines); inside, the shortest.
    const hole = (i: number, part: string) => {
      const n = names[i - 1] as string;
      if (digits.includes(n)) return "(\\d+)";
      if (quoted.includes(n)) return JSON_STRING_BODY;
      return i === parts.length - 1 && part === "" ? "([\\s\\S]+)" : "(.+?)";
    };
    const body = parts.map(escape).reduce((re, part, i) => (i === 0 ? part : `${re}${hole(i, part)}${part}`), "");
    return { key, names, pattern: new RegExp(`^${body}$`) };
  });
  return {
    keys,
    write(key, params = {}) {
      return templates[key].replace(HOLE, (_, hole: string) => {
        const v = params[hole];
        if (v === undefined) throw new Error(`${name} ${key}: no value for {${hole}}`);
        return quoted.includes(hole) ? JSON.stringify(String(v)).slice(1, -1) : String(v);
      });
    },
    read(text) {
      if (!text) return null;
      for (const r of readers) {
        const m = r.pattern.exec(text);
        if (m) {
          const value = (n: string, i: number) => (quoted.includes(n) ? unquote(m[i + 1] as string) : (m[i + 1] as string));
          return { key: r.key, params: Object.fromEntries(r.names.map((n, i) => [n, value(n, i)])) };
        }
      }
      return null;
    },
  };
}
