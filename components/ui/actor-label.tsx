/**
 * Who did it, as the reader says it: Fluxo's own automatic steps ("system"),
 * a sales channel ("channel:<name>"), a carrier ("carrier:<code>") and a
 * scheduled job ("job:<name>", app/api/jobs/<name>) are
 * stored with those labels (server/services/order/actor.ts); people by name.
 */
import { useTranslations } from "next-intl";

export function useActorLabel(): (label: string) => string {
  const t = useTranslations("common.actor");
  return (label) => {
    if (label === "system") return t("system");
    if (label.startsWith("channel:")) return t("channel", { name: label.slice("channel:".length) });
    if (label.startsWith("carrier:")) return t("carrier", { code: label.slice("carrier:".length) });
    if (label.startsWith("job:")) {
      const job = `jobs.${label.slice("job:".length)}`;
      return t.has(job) ? t("job", { name: t(job) }) : label;
    }
    return label;
  };
}
