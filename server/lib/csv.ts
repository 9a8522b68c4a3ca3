/**
 * CSV as spreadsheets write it (RFC 4180 plus what Brazilian Excel does):
 * quoted fields with embedded delimiters, line breaks and "" escapes; CRLF, LF
 * or CR line ends; "," or ";" as delimiter (Excel in pt-BR uses ";"), detected
 * from the header; a UTF-8 byte-order mark stripped; files saved as
 * Windows-1252 ("CSV (separado por vírgulas)") decoded as such. Pure: used by
 * the import on the server and by report downloads in the browser.
 */

export type CsvDelimiter = "," | ";";
export type CsvCell = string | number | null | undefined;

export class CsvParseError extends Error {
  constructor(
    message: string,
    /** 1-based record number (the header is row 1), as a spreadsheet numbers its rows. */
    public readonly row: number,
    /** 1-based physical line where the problem starts. */
    public readonly line: number,
  ) {
    super(message);
    this.name = "CsvParseError";
  }
}

export interface CsvParseResult {
  delimiter: CsvDelimiter;
  /** Every record, blank ones included (as [""]) so that row numbers stay those of the file. */
  rows: string[][];
  /** Physical line on which each record starts (differs from the row when quoted fields span lines). */
  lines: number[];
}

const BOM = "\ufeff";

export function stripBom(text: string): string {
  return text.startsWith(BOM) ? text.slice(1) : text;
}

/** UTF-8 when the bytes are valid UTF-8, else Windows-1252 (what Excel saves by default in Brazil). BOM removed. */
export function decodeCsvBytes(bytes: Uint8Array): string {
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    text = new TextDecoder("windows-1252").decode(bytes);
  }
  return stripBom(text);
}

/** The delimiter used by the first record: whichever of ";" and "," occurs more often outside quotes (ties: ","). */
export function detectDelimiter(text: string): CsvDelimiter {
  let commas = 0;
  let semicolons = 0;
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === "\n" || ch === "\r")) break;
    else if (!quoted && ch === ",") commas++;
    else if (!quoted && ch === ";") semicolons++;
  }
  return semicolons > commas ? ";" : ",";
}

/** Parses a whole CSV text. Throws CsvParseError for an unterminated quote or text after a closing quote. */
export function parseCsv(input: string, opts: { delimiter?: CsvDelimiter } = {}): CsvParseResult {
  const text = stripBom(input);
  const delimiter = opts.delimiter ?? detectDelimiter(text);
  const rows: string[][] = [];
  const lines: number[] = [];
  let record: string[] = [];
  let field = "";
  let line = 1;
  let recordLine = 1;
  let quoteLine = 1;
  // "start": nothing read for this field yet; "plain": unquoted field; "quoted": inside quotes; "closed": after the closing quote.
  let state: "start" | "plain" | "quoted" | "closed" = "start";
  const endField = () => {
    record.push(field);
    field = "";
    state = "start";
  };
  const endRecord = () => {
    endField();
    rows.push(record);
    lines.push(recordLine);
    record = [];
  };

  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (state === "quoted") {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else {
          state = "closed";
        }
      } else {
        if (ch === "\n" || (ch === "\r" && text[i + 1] !== "\n")) line++;
        field += ch;
      }
      continue;
    }
    if (ch === delimiter) {
      endField();
      continue;
    }
    if (ch === "\r" || ch === "\n") {
      if (ch === "\r" && text[i + 1] === "\n") i++;
      endRecord();
      line++;
      recordLine = line;
      continue;
    }
    if (state === "closed") {
      throw new CsvParseError(`Unexpected ${JSON.stringify(ch)} after a closing quote: a quote inside a quoted field must be doubled ("").`, rows.length + 1, line);
    }
    if (state === "start" && ch === '"') {
      state = "quoted";
      quoteLine = line;
      continue;
    }
    // A quote in the middle of an unquoted field is kept as it is (5" screen).
    state = "plain";
    field += ch;
  }
  if (state === "quoted") {
    throw new CsvParseError(`A quoted field that starts on line ${quoteLine} is never closed.`, rows.length + 1, quoteLine);
  }
  // The last record, unless the text ended with a line break (or is empty).
  if (state !== "start" || field !== "" || record.length > 0) endRecord();
  return { delimiter, rows, lines };
}

/** An import's view of a file: its rows, or the problem "unreadable" (where and why) when the quoting is broken. */
export function readCsvRows(text: string): { rows: string[][]; problem: null } | { rows: null; problem: { code: "unreadable"; params: { detail: string; line: number } } } {
  try {
    return { rows: parseCsv(text).rows, problem: null };
  } catch (e) {
    if (!(e instanceof CsvParseError)) throw e;
    return { rows: null, problem: { code: "unreadable", params: { detail: e.message, line: e.line } } };
  }
}

function needsQuotes(text: string, delimiter: CsvDelimiter): boolean {
  return text.includes(delimiter) || /["\r\n]/.test(text) || text !== text.trim();
}

/**
 * Writes rows as CSV: CRLF line ends, a field quoted only when it must be
 * (delimiter, quote, line break, or leading/trailing space), quotes doubled.
 * `guardFormulas` prefixes text that a spreadsheet would run as a formula
 * (=, +, -, @, tab, CR at the start) with an apostrophe — use it for files made
 * of user-supplied text. `bom` makes Excel read the file as UTF-8.
 */
export function toCsv(rows: readonly (readonly CsvCell[])[], opts: { delimiter?: CsvDelimiter; guardFormulas?: boolean; bom?: boolean } = {}): string {
  const delimiter = opts.delimiter ?? ",";
  const body = rows
    .map((row) =>
      row
        .map((cell) => {
          if (cell === null || cell === undefined) return "";
          let text = String(cell);
          if (opts.guardFormulas && typeof cell === "string" && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
          return needsQuotes(text, delimiter) ? `"${text.replace(/"/g, '""')}"` : text;
        })
        .join(delimiter),
    )
    .map((line) => `${line}\r\n`)
    .join("");
  return (opts.bom ? BOM : "") + body;
}
