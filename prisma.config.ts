import { mkdirSync } from "node:fs";
import path from "node:path";
import { defineConfig } from "prisma/config";

// The CLI (generate, migrate diff) uses the WebAssembly schema engine through a
// driver adapter: PostgreSQL when DATABASE_URL is a postgres url, else PGlite.
export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: "prisma/schema.prisma",
  async adapter() {
    const url = process.env.DATABASE_URL ?? "";
    if (/^postgres(ql)?:\/\//.test(url)) {
      const { PrismaPg } = await import("@prisma/adapter-pg");
      return new PrismaPg({ connectionString: url });
    }
    const { PGlite } = await import("@electric-sql/pglite");
    const { PrismaPGlite } = await import("pglite-prisma-adapter");
    const dir = path.resolve(process.env.FLUXO_DATA_DIR ?? "data", "pglite");
    mkdirSync(dir, { recursive: true });
    return new PrismaPGlite(new PGlite(dir));
  },
});
