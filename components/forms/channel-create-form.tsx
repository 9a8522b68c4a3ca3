"use client";
/** ADMIN: add a sales channel. Signing platforms need their secret pasted; token platforms get one generated. */
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { useTRPC } from "@/components/providers/trpc";
import { ErrorMessage } from "@/components/ui/error-message";
import { CHANNEL_PLATFORMS, type ChannelPlatform } from "@/server/channels/types";
import { CHANNEL_SECRET_MAX, secretProblem } from "@/server/services/channels/channel-secret";

const field = "mt-1 w-full rounded-md border border-slate-300 px-3 py-2";

export function ChannelCreateForm({ pastedSecretPlatforms, defaultCurrency }: { pastedSecretPlatforms: readonly ChannelPlatform[]; defaultCurrency: string }) {
  const t = useTranslations("channels.manage");
  const tp = useTranslations("platform");
  const trpc = useTRPC();
  const router = useRouter();
  const empty = { platform: "SHOPIFY" as ChannelPlatform, name: "", defaultCurrency, secret: "" };
  const [values, setValues] = useState(empty);
  const create = useMutation(
    trpc.channel.create.mutationOptions({
      onSuccess: () => {
        setValues(empty);
        router.refresh();
      },
    }),
  );
  const pasted = pastedSecretPlatforms.includes(values.platform);
  const secretRefused = secretProblem(values.secret) !== null;

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    create.reset();
    if (secretRefused) return;
    const secret = values.secret.trim();
    create.mutate({ platform: values.platform, name: values.name, defaultCurrency: values.defaultCurrency, ...(secret ? { secret } : {}) });
  }

  return (
    <form onSubmit={onSubmit} className="grid gap-4 sm:grid-cols-2" data-testid="channel-create-form">
      <label className="block">
        <span className="text-sm font-medium">{t("platform")}</span>
        <select className={field} value={values.platform} onChange={(e) => setValues({ ...values, platform: e.target.value as ChannelPlatform })} data-testid="channel-platform">
          {CHANNEL_PLATFORMS.map((p) => (
            <option key={p} value={p}>{tp(p)}</option>
          ))}
        </select>
      </label>
      <label className="block">
        <span className="text-sm font-medium">{t("name")}</span>
        <input className={field} value={values.name} maxLength={120} required onChange={(e) => setValues({ ...values, name: e.target.value })} data-testid="channel-name" />
      </label>
      <label className="block">
        <span className="text-sm font-medium">{t("currency")}</span>
        <input className={field} value={values.defaultCurrency} maxLength={3} onChange={(e) => setValues({ ...values, defaultCurrency: e.target.value.toUpperCase() })} />
      </label>
      <label className="block">
        <span className="text-sm font-medium">{t("secret")}</span>
        <input
          className={`${field} font-mono`}
          value={values.secret}
          required={pasted}
          maxLength={CHANNEL_SECRET_MAX}
          autoComplete="off"
          spellCheck={false}
          onChange={(e) => setValues({ ...values, secret: e.target.value })}
          aria-invalid={secretRefused || undefined}
          data-testid="channel-secret"
        />
        <SecretHint secret={values.secret} />
        <span className="text-xs text-slate-500">{pasted ? t("secretPasted", { platform: tp(values.platform) }) : t("secretGenerated")}</span>
      </label>
      <div className="sm:col-span-2 space-y-2">
        <ErrorMessage error={create.error} scope="channels.errors" />
        <button type="submit" disabled={create.isPending || secretRefused} className="rounded-md bg-brand-600 px-4 py-2 text-white hover:bg-brand-700 disabled:opacity-60" data-testid="channel-create">
          {create.isPending ? t("creating") : t("create")}
        </button>
      </div>
    </form>
  );
}

/** Why a typed secret would be refused, while it is typed (the server checks the same rule: channel-secret.ts). */
export function SecretHint({ secret }: { secret: string }) {
  const t = useTranslations("channels.manage");
  const problem = secretProblem(secret);
  if (!problem) return null;
  return (
    <span className="block text-xs text-amber-700" data-testid="channel-secret-problem">
      {problem.key === "secretTooShort" ? t("secretTooShort", { count: problem.count }) : t("secretSpaces")}
    </span>
  );
}
