"use client";
/**
 * One channel on the channel settings page (ADMIN): its webhook URL to copy,
 * what to subscribe on the platform, and rename / (de)activate / rotate or
 * replace the secret. The secret itself is never sent here, only a hint.
 */
import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { SecretHint } from "@/components/forms/channel-create-form";
import { useTRPC } from "@/components/providers/trpc";
import { ErrorMessage } from "@/components/ui/error-message";
import type { ChannelPlatform } from "@/server/channels/types";
import { CHANNEL_SECRET_MAX, secretProblem } from "@/server/services/channels/channel-secret";

export interface ChannelCardData {
  id: string;
  platform: ChannelPlatform;
  name: string;
  defaultCurrency: string;
  active: boolean;
  webhookPath: string | null;
  pastedSecret: boolean;
  secretHint: string;
  topics: string[];
  deliveryCount: number;
  lastDeliveryAt: Date | null;
}

const button = "rounded-md border border-slate-300 px-3 py-1.5 text-sm hover:bg-slate-50 disabled:opacity-60";

export function ChannelCard({ channel, origin }: { channel: ChannelCardData; origin: string }) {
  const t = useTranslations("channels.manage");
  const tp = useTranslations("platform");
  const format = useFormatter();
  const trpc = useTRPC();
  const router = useRouter();
  const [editing, setEditing] = useState<null | "name" | "secret">(null);
  const [name, setName] = useState(channel.name);
  const [secret, setSecret] = useState("");
  const [copied, setCopied] = useState(false);
  const update = useMutation(
    trpc.channel.update.mutationOptions({
      onSuccess: () => {
        setEditing(null);
        setSecret("");
        router.refresh();
      },
    }),
  );
  const url = channel.webhookPath ? `${origin}${channel.webhookPath}` : null;

  async function copy() {
    if (!url) return;
    try {
      await navigator.clipboard.writeText(url);
      setCopied(true);
    } catch {
      setCopied(false);
    }
  }

  return (
    <article className="space-y-3 rounded-xl border border-slate-200 bg-white p-5" data-testid="channel-card" data-channel-id={channel.id} data-platform={channel.platform}>
      <header className="flex flex-wrap items-center justify-between gap-2">
        <div>
          <h3 className="font-semibold" data-testid="channel-card-name">{channel.name}</h3>
          <p className="text-sm text-slate-500">
            {tp(channel.platform)} · {channel.defaultCurrency} ·{" "}
            <span className={channel.active ? "text-green-700" : "text-amber-700"}>{channel.active ? t("active") : t("inactive")}</span>
          </p>
        </div>
        <div className="flex flex-wrap gap-2">
          <button type="button" className={button} onClick={() => setEditing(editing === "name" ? null : "name")}>{t("rename")}</button>
          <button type="button" className={button} disabled={update.isPending} onClick={() => update.mutate({ id: channel.id, active: !channel.active })} data-testid="channel-toggle-active">
            {channel.active ? t("deactivate") : t("activate")}
          </button>
          {url && !channel.pastedSecret && (
            <button type="button" className={button} disabled={update.isPending} onClick={() => window.confirm(t("rotateConfirm")) && update.mutate({ id: channel.id, rotateSecret: true })}>
              {t("rotateToken")}
            </button>
          )}
          {channel.pastedSecret && (
            <button type="button" className={button} onClick={() => setEditing(editing === "secret" ? null : "secret")}>{t("replaceSecret")}</button>
          )}
        </div>
      </header>

      {editing === "name" && (
        <form className="flex gap-2" onSubmit={(e) => { e.preventDefault(); update.mutate({ id: channel.id, name }); }}>
          <input className="w-64 rounded-md border border-slate-300 px-3 py-1.5 text-sm" value={name} maxLength={120} onChange={(e) => setName(e.target.value)} aria-label={t("name")} />
          <button type="submit" className={button} disabled={update.isPending}>{t("save")}</button>
        </form>
      )}
      {editing === "secret" && (
        <form className="flex flex-wrap items-start gap-2" onSubmit={(e) => { e.preventDefault(); update.mutate({ id: channel.id, secret }); }}>
          <div>
            <input className="w-80 rounded-md border border-slate-300 px-3 py-1.5 font-mono text-sm" value={secret} maxLength={CHANNEL_SECRET_MAX} autoComplete="off" onChange={(e) => setSecret(e.target.value)} aria-label={t("newSecret")} placeholder={t("newSecret")} />
            <SecretHint secret={secret} />
          </div>
          <button type="submit" className={button} disabled={update.isPending || secretProblem(secret) !== null}>{t("save")}</button>
        </form>
      )}
      <ErrorMessage error={update.error} scope="channels.errors" />

      {url ? (
        <div className="space-y-1">
          <label className="block text-xs font-medium text-slate-600" htmlFor={`url-${channel.id}`}>{t("webhookUrl")}</label>
          <div className="flex gap-2">
            <input id={`url-${channel.id}`} readOnly value={url} onFocus={(e) => e.currentTarget.select()} className="w-full rounded-md border border-slate-300 bg-slate-50 px-3 py-1.5 font-mono text-xs" data-testid="webhook-url" />
            <button type="button" className={button} onClick={copy}>{copied ? t("copied") : t("copy")}</button>
          </div>
          <p className="text-xs text-slate-500">{channel.pastedSecret ? t("secretHint", { hint: channel.secretHint }) : t("tokenInUrl")}</p>
        </div>
      ) : (
        <p className="text-sm text-slate-500">{t("noWebhook")}</p>
      )}

      <p className="text-sm text-slate-700">{t(`hints.${channel.platform}`)}</p>
      {channel.topics.length > 0 && (
        <div className="flex flex-wrap items-center gap-2 text-xs">
          <span className="text-slate-500">{t("subscribe")}:</span>
          {channel.topics.map((topic) => (
            <code key={topic} className="rounded bg-slate-100 px-1.5 py-0.5">{topic}</code>
          ))}
        </div>
      )}
      <p className="text-xs text-slate-500">
        {t("deliveries", { count: channel.deliveryCount })}
        {channel.lastDeliveryAt && <> · {t("lastDelivery", { date: format.dateTime(channel.lastDeliveryAt, { dateStyle: "short", timeStyle: "short" }) })}</>}
        {" · "}
        <Link href={`/deliveries?channelId=${channel.id}`} className="text-brand-700 hover:underline">{t("viewDeliveries")}</Link>
      </p>
    </article>
  );
}
