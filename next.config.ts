import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";

const withNextIntl = createNextIntlPlugin("./server/i18n/request.ts");

const nextConfig: NextConfig = {
  // PGlite loads its WebAssembly and data files at runtime: never bundle it.
  serverExternalPackages: ["@electric-sql/pglite", "pglite-prisma-adapter", "bwip-js"],
  experimental: { authInterrupts: true },
  poweredByHeader: false,
  // `npm test` typechecks the whole project as its own step (tsc --noEmit); doing it again in
  // every build only doubles the e2e and first-start time.
  typescript: { ignoreBuildErrors: true },
  typedRoutes: false,
};

export default withNextIntl(nextConfig);
