import { toCsv, type CsvCell } from "@/server/lib/csv";

/** Saves text the page made (a template, a report) as a CSV file in the browser. */
export function downloadCsv(csv: string, fileName: string): void {
  const url = URL.createObjectURL(new Blob([csv], { type: "text/csv;charset=utf-8" }));
  const a = document.createElement("a");
  a.href = url;
  a.download = fileName;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** A report as a spreadsheet opens it in the reader's language (Excel in Portuguese expects ";"; the BOM makes it read UTF-8). */
export function downloadReportCsv(rows: readonly (readonly CsvCell[])[], fileName: string, locale: string): void {
  downloadCsv(toCsv(rows, { delimiter: locale === "pt-BR" ? ";" : ",", bom: true, guardFormulas: true }), fileName);
}
