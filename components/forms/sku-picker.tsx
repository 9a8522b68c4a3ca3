"use client";
import { useQuery } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import { useId, useState } from "react";
import { useTRPC } from "@/components/providers/trpc";
import { useDebouncedValue } from "@/components/ui/use-debounced-value";
import { formatMoney } from "@/components/ui/format";

export interface PickedSku {
  code: string;
  name: string;
  priceCents: number;
}

/** Search box for the order line picker: active SKUs by code prefix, name or EAN; a click adds the SKU. */
export function SkuPicker({ currency, onPick }: { currency: string; onPick: (sku: PickedSku) => void }) {
  const t = useTranslations("orderEntry.new");
  const locale = useLocale();
  const trpc = useTRPC();
  const id = useId();
  const [text, setText] = useState("");
  // Results close at once when the box is cleared (a pick clears it); a new search waits for typing to pause.
  const query = useDebouncedValue(text.trim());
  const results = useQuery(trpc.orderEntry.skuLookup.queryOptions({ query }, { enabled: query !== "" }));

  return (
    <div>
      <label htmlFor={id} className="text-sm font-medium">
        {t("search")}
      </label>
      <input
        id={id}
        type="search"
        autoComplete="off"
        value={text}
        placeholder={t("searchPlaceholder")}
        onChange={(e) => setText(e.target.value)}
        className="mt-1 w-full rounded-md border border-slate-300 px-3 py-2"
        data-testid="sku-search"
      />
      {query !== "" && text.trim() !== "" && (
        <div className="mt-1 max-h-64 overflow-y-auto rounded-md border border-slate-200 bg-white" data-testid="sku-results">
          {results.isPending && <p className="px-3 py-2 text-sm text-slate-500">{t("searching")}</p>}
          {results.data?.length === 0 && <p className="px-3 py-2 text-sm text-slate-500">{t("noResults", { query })}</p>}
          <ul>
            {results.data?.map((s) => (
              <li key={s.id}>
                <button
                  type="button"
                  onClick={() => {
                    onPick({ code: s.code, name: s.name, priceCents: s.priceCents });
                    setText("");
                  }}
                  className="flex w-full items-center justify-between gap-3 px-3 py-2 text-left text-sm hover:bg-brand-50"
                  data-testid={`sku-option-${s.code}`}
                >
                  <span>
                    <span className="whitespace-nowrap font-mono">{s.code}</span> <span className="text-slate-600">— {s.name}</span>
                  </span>
                  <span className="tabular-nums text-slate-700">{formatMoney(s.priceCents, currency, locale)}</span>
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
