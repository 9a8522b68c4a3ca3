import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { currentUser } from "@/server/auth/session";
import { safeCallbackPath } from "@/server/auth/callback-url";
import { LoginForm } from "@/components/forms/login-form";
import { LanguageSwitch } from "@/components/layout/language-switch";

export const dynamic = "force-dynamic";

export default async function LoginPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  // Where the visitor was going before being asked to sign in (same-site paths only, else the dashboard).
  const callbackUrl = safeCallbackPath((await searchParams).callbackUrl);
  if (await currentUser()) redirect(callbackUrl);
  const t = await getTranslations();
  return (
    <main className="flex min-h-full items-center justify-center p-6">
      <div className="w-full max-w-sm">
        <div className="mb-6 text-center">
          <div className="text-3xl font-bold text-brand-600">{t("app.name")}</div>
          <p className="mt-1 text-sm text-slate-500">{t("app.tagline")}</p>
        </div>
        <div className="rounded-xl border border-slate-200 bg-white p-6 shadow-sm">
          <h1 className="mb-4 text-lg font-semibold">{t("auth.title")}</h1>
          <LoginForm callbackUrl={callbackUrl} />
        </div>
        <div className="mt-4 flex justify-center">
          <LanguageSwitch signedIn={false} />
        </div>
      </div>
    </main>
  );
}
