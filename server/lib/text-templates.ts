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

/**
 * `{name}` in a template is a value. Texts are read back in the table's order: the first that matches wins
 * (specific before generic). Values named in `digits` match only digits (an order number, a row).
 */
export function templateTable<K extends string>(name: string, templates: Readonly<Record<K, string>>, digits: readonly string[] = []): TemplateTable<K> {
  const keys = Object.keys(templates) as K[];
  const readers = keys.map((key) => {
    const template = templates[key];
    const names = [...template.matchAll(HOLE)].map((m) => m[1] as string);
    const parts = template.split(HOLE).filter((_, i) => i % 2 === 0);
    // A value at the end takes the rest of the text (a database message may run over lines); inside, the shortest.
    const hole = (i: number, part: string) =>
      digits.includes(names[i - 1] as string) ? "(\\d+)" : i === parts.length - 1 && part === "" ? "([\\s\\S]+)" : "(.+?)";
    const body = parts.map(escape).reduce((re, part, i) => (i === 0 ? part : `${re}${hole(i, part)}${part}`), "");
    return { key, names, pattern: new RegExp(`^${body}$`) };
  });
  return {
    keys,
    write(key, params = {}) {
      return templates[key].replace(HOLE, (_, hole: string) => {
        const v = params[hole];
        if (v === undefined) throw new Error(`${name} ${key}: no value for {${hole}}`);
        return String(v);
      });
    },
    read(text) {
      if (!text) return null;
      for (const r of readers) {
        const m = r.pattern.exec(text);
        if (m) return { key: r.key, params: Object.fromEntries(r.names.map((n, i) => [n, m[i + 1] as string])) };
      }
      return null;
    },
  };
}
