"use client";
/** SKU search for a purchase order: active SKUs by code/name prefix or EAN (stock grid), with what is available and incoming. */
import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import { useTRPC } from "@/components/providers/trpc";
import { useDebouncedValue } from "@/components/ui/use-debounced-value";

export interface PoSku {
  skuId: string;
  code: string;
  name: string;
}

export function PoSkuSearch({ warehouseId, onPick }: { warehouseId: string; onPick: (sku: PoSku) => void }) {
  const t = useTranslations("purchasing.new");
  const trpc = useTRPC();
  const id = useId();
  const [text, setText] = useState("");
  // Results close at once when the box is cleared (a pick clears it); a new search waits for typing to pause.
  const query = useDebouncedValue(text.trim());
  const results = useQuery(
    trpc.stock.grid.queryOptions({ search: query, limit: 10, ...(warehouseId ? { warehouseId } : {}) }, { enabled: query !== "" }),
  );

  return (
    <div>
      <label htmlFor={id} className="text-sm font-medium">{t("search")}</label>
      <input
        id={id}
        type="search"
        autoComplete="off"
        value={text}
        placeholder={t("searchPlaceholder")}
        onChange={(e) => setText(e.target.value)}
        className="mt-1 w-full rounded-md border border-slate-300 px-3 py-2"
        data-testid="po-sku-search"
      />
      {query !== "" && text.trim() !== "" && (
        <div className="mt-1 max-h-64 overflow-y-auto rounded-md border border-slate-200 bg-white" data-testid="po-sku-results">
          {results.isPending && <p className="px-3 py-2 text-sm text-slate-500">{t("searching")}</p>}
          {results.data?.rows.length === 0 && <p className="px-3 py-2 text-sm text-slate-500">{t("noResults", { query })}</p>}
          <ul>
            {results.data?.rows.map((s) => (
              <li key={s.skuId}>
                <button
                  type="button"
                  onClick={() => {
                    onPick({ skuId: s.skuId, code: s.code, name: s.name });
                    setText("");
                  }}
                  className="flex w-full items-center justify-between gap-3 px-3 py-2 text-left text-sm hover:bg-brand-50"
                  data-testid={`po-sku-option-${s.code}`}
                >
                  <span>
                    <span className="whitespace-nowrap font-mono">{s.code}</span> <span className="text-slate-600">— {s.name}</span>
                  </span>
                  <span className="whitespace-nowrap text-xs text-slate-500">{t("stockHint", { available: s.total.available, incoming: s.total.incoming })}</span>
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
