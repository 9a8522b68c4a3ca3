/** Money a customer spent, one amount per currency ("R$ 120,00 · US$ 30,00"); "—" when nothing. */
import { useLocale } from "next-intl";
import { formatMoney } from "@/components/ui/format";
import type { CurrencyTotal } from "@/server/services/customer/list-customers";

export function CustomerSpent({ spent }: { spent: CurrencyTotal[] }) {
  const locale = useLocale();
  if (spent.length === 0) return <>—</>;
  return <>{spent.map((s) => formatMoney(s.cents, s.currency, locale)).join(" · ")}</>;
}
