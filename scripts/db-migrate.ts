/** npm run db:migrate — apply checked-in migrations to the configured database. */
import { closeDb, withSqlRunner } from "@/server/db";
import { migrate } from "@/server/lib/migrator";
import { usesPostgres } from "@/server/env";

const applied = await withSqlRunner((r) => migrate(r));
console.log(
  applied.length ? `Applied ${applied.length} migration(s): ${applied.join(", ")}` : "Database is up to date.",
  usesPostgres() ? "(PostgreSQL)" : "(embedded PGlite)",
);
await closeDb();
