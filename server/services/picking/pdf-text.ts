/**
 * Text helpers for the pick list PDF. pdf-lib's standard fonts encode
 * WinAnsi (Windows-1252): Portuguese letters are in it, but a product name
 * from a channel may carry anything (emoji, CJK, arrows) and one such
 * character would make the whole PDF fail — so those become "?".
 */

/** Windows-1252 characters above 0x7F that are not Latin-1 (the 0x80–0x9F block). */
const WIN_ANSI_EXTRAS = new Set("€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ");

export function toWinAnsi(text: string): string {
  let out = "";
  for (const ch of text.normalize("NFC")) {
    const code = ch.codePointAt(0) ?? 0x3f;
    if (ch === "\t" || ch === "\n" || ch === "\r") out += " ";
    else if ((code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff) || WIN_ANSI_EXTRAS.has(ch)) out += ch;
    else out += "?";
  }
  return out;
}

/**
 * Greedy word wrap to `maxWidth` (measured by `width`), at most `maxLines`
 * lines; an overflowing last line ends with "…". A word wider than the line
 * is cut.
 */
export function wrapText(text: string, maxWidth: number, width: (s: string) => number, maxLines = Number.POSITIVE_INFINITY): string[] {
  const words = text.split(/\s+/).filter(Boolean);
  const lines: string[] = [];
  let current = "";
  const push = (line: string) => lines.push(line);
  for (const word of words) {
    const candidate = current ? `${current} ${word}` : word;
    if (width(candidate) <= maxWidth) {
      current = candidate;
      continue;
    }
    if (current) push(current);
    let rest = word;
    while (width(rest) > maxWidth && rest.length > 1) {
      let cut = rest.length - 1;
      while (cut > 1 && width(rest.slice(0, cut)) > maxWidth) cut--;
      push(rest.slice(0, cut));
      rest = rest.slice(cut);
    }
    current = rest;
  }
  if (current) push(current);
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  let last = `${kept[maxLines - 1] ?? ""}…`;
  while (width(last) > maxWidth && last.length > 1) last = `${last.slice(0, -2)}…`;
  kept[maxLines - 1] = last;
  return kept;
}
