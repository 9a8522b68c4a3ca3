"use client";
/** Opens the browser's print dialog (the page has an A4 print stylesheet). */
export function PrintButton({ label }: { label: string }) {
  return (
    <button type="button" onClick={() => window.print()} className="rounded-md bg-brand-600 px-4 py-2 text-sm text-white hover:bg-brand-700" data-testid="print-button">
      {label}
    </button>
  );
}
