/** The product list (one keyset page, rendered on the server): SKUs, price range and stock per product. */
import Link from "next/link";
import { useFormatter, useLocale, useTranslations } from "next-intl";
import { formatMoney } from "@/components/ui/format";
import type { ProductListRow } from "@/server/services/catalog/list-products";

const th = "px-3 py-2";
const num = "px-3 py-2 text-right tabular-nums";

export function ProductsTable({ rows, currency, search }: { rows: ProductListRow[]; currency: string; search?: string }) {
  const t = useTranslations("products.list");
  const format = useFormatter();
  const locale = useLocale();
  const n = (v: number) => format.number(v, { maximumFractionDigits: 0 });
  const price = (r: ProductListRow) => {
    if (r.minPriceCents === null || r.maxPriceCents === null) return "—";
    const min = formatMoney(r.minPriceCents, currency, locale);
    return r.minPriceCents === r.maxPriceCents ? min : t("priceRange", { min, max: formatMoney(r.maxPriceCents, currency, locale) });
  };
  if (rows.length === 0) {
    return (
      <p className="rounded-xl border border-slate-200 bg-white p-6 text-slate-500" data-testid="products-empty">
        {search ? t("noMatch", { search }) : t("empty")}
      </p>
    );
  }
  return (
    <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white">
      <table className="min-w-full text-sm" data-testid="products-table">
        <thead className="bg-slate-50 text-left text-xs uppercase tracking-wide text-slate-500">
          <tr>
            <th className={th}>{t("product")}</th>
            <th className={th}>{t("skus")}</th>
            <th className={`${th} text-right`}>{t("price")}</th>
            <th className={`${th} text-right`}>{t("onHand")}</th>
            <th className={`${th} text-right`}>{t("available")}</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((r) => (
            <tr key={r.id} data-testid="product-row" data-product={r.name}>
              <td className="px-3 py-2">
                <Link href={`/products/${r.id}`} className="font-medium text-brand-700 hover:underline">{r.name}</Link>
                {r.brand && <span className="block text-xs text-slate-500">{r.brand}</span>}
              </td>
              <td className="px-3 py-2">
                {t("skuCount", { count: r.skuCount })}
                {r.activeSkuCount < r.skuCount && <span className="block text-xs text-slate-500">{t("activeCount", { count: r.activeSkuCount })}</span>}
              </td>
              <td className={num} data-testid="product-price">{price(r)}</td>
              <td className={num}>{n(r.onHand)}</td>
              <td className={num}>{n(r.available)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
