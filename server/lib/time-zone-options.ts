/**
 * The time-zone select as a merchant reads it: "(UTC−03:00) São Paulo" instead of "America/Sao_Paulo",
 * Brazil's zones first (São Paulo on top), then the world by offset. The value stays the IANA id. Pure.
 */

export interface TimeZoneOption {
  value: string;
  label: string;
}

/** Brazil's zones, most used first; the names as Brazilians write them. */
const BRAZIL: Record<string, string> = {
  "America/Sao_Paulo": "São Paulo",
  "America/Bahia": "Salvador (Bahia)",
  "America/Fortaleza": "Fortaleza",
  "America/Recife": "Recife",
  "America/Belem": "Belém",
  "America/Maceio": "Maceió",
  "America/Araguaina": "Araguaína",
  "America/Santarem": "Santarém",
  "America/Manaus": "Manaus",
  "America/Cuiaba": "Cuiabá",
  "America/Campo_Grande": "Campo Grande",
  "America/Porto_Velho": "Porto Velho",
  "America/Boa_Vista": "Boa Vista",
  "America/Rio_Branco": "Rio Branco",
  "America/Eirunepe": "Eirunepé",
  "America/Noronha": "Fernando de Noronha",
};

/** Minutes east of UTC of `timeZone` at `at` (−180 for São Paulo). */
export function offsetMinutes(timeZone: string, at: Date): number {
  const name = new Intl.DateTimeFormat("en-US", { timeZone, timeZoneName: "longOffset" }).formatToParts(at).find((p) => p.type === "timeZoneName")?.value ?? "GMT";
  const m = /^GMT([+-])(\d{2}):(\d{2})$/.exec(name);
  if (!m) return 0;
  const minutes = Number(m[2]) * 60 + Number(m[3]);
  return m[1] === "-" ? -minutes : minutes;
}

/** −180 → "UTC−03:00" (a real minus sign), 330 → "UTC+05:30". */
export function formatOffset(minutes: number): string {
  const abs = Math.abs(minutes);
  const hh = String(Math.floor(abs / 60)).padStart(2, "0");
  const mm = String(abs % 60).padStart(2, "0");
  return `UTC${minutes < 0 ? "\u2212" : "+"}${hh}:${mm}`;
}

/** "America/Argentina/Buenos_Aires" → "Buenos Aires (America)"; "UTC" → "UTC". */
export function placeName(id: string): string {
  const brazil = BRAZIL[id];
  if (brazil) return brazil;
  const parts = id.split("/");
  const city = (parts.at(-1) ?? id).replace(/_/g, " ");
  return parts.length > 1 ? `${city} (${parts[0]?.replace(/_/g, " ")})` : city;
}

export function timeZoneOptions(ids: readonly string[], at: Date = new Date()): TimeZoneOption[] {
  const brazilOrder = Object.keys(BRAZIL);
  const rows = ids.map((id) => ({ id, offset: offsetMinutes(id, at), name: placeName(id), brazil: brazilOrder.indexOf(id) }));
  const brazil = rows.filter((r) => r.brazil >= 0).sort((a, b) => a.brazil - b.brazil);
  const world = rows.filter((r) => r.brazil < 0).sort((a, b) => a.offset - b.offset || a.name.localeCompare(b.name));
  return [...brazil, ...world].map((r) => ({ value: r.id, label: `(${formatOffset(r.offset)}) ${r.name}` }));
}
