/**
 * Set-based writes for the seed: one INSERT … SELECT FROM unnest(…) per table
 * and chunk, each column passed as ONE array parameter. No per-row round
 * trips; works on PGlite and PostgreSQL alike. (unnest costs PGlite about a
 * third less CPU than json_populate_recordset for the same rows.)
 * Row keys are column names (see types.ts); the column types are read from
 * the catalogue once, so a row key the schema does not know fails loudly.
 */
import type { PrismaClient } from "@/server/generated/prisma/client";
import type { OrderBatch, StockData } from "./types";

/**
 * Rows per INSERT statement. Kept small on purpose: @prisma/debug remembers
 * the arguments of the last 100 queries (for error reports) even with
 * debugging off, so statement size × 100 stays in memory. 1,000 rows keeps
 * that near 100 MB; 4,000 took a 1M-order run to ~1 GB RSS.
 */
export const CHUNK_ROWS = 1_000;

type Row = object;
/** The root client or an interactive transaction's client: raw SQL is all the writer needs. */
type RawSql = Pick<PrismaClient, "$executeRawUnsafe" | "$queryRawUnsafe">;
type Statement = ReturnType<PrismaClient["$executeRawUnsafe"]>;

/** Text-like columns need quoting in an array literal; uuid, numbers, booleans, enums and ISO timestamps never contain a special character. */
const QUOTED_TYPES = /^(text|json|jsonb|character varying.*|character.*)$/;

/** A PostgreSQL array literal of one column: NULL, bare values, or double-quoted strings with " and \ escaped. */
function arrayLiteral(rows: readonly Row[], key: string, quoted: boolean): string {
  const parts = new Array<string>(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const v = (rows[i] as Record<string, unknown>)[key];
    if (v === null || v === undefined) parts[i] = "NULL";
    else if (v instanceof Date) parts[i] = v.toISOString();
    else if (!quoted) parts[i] = String(v);
    else {
      const s = typeof v === "object" ? JSON.stringify(v) : String(v);
      parts[i] = `"${s.replace(/[\\"]/g, "\\$&")}"`;
    }
  }
  return `{${parts.join(",")}}`;
}

/** The database's own words: driver adapters tuck them away in meta (PGlite's top-level message is "undefined"). */
function databaseMessage(err: unknown): string {
  const cause = (err as { meta?: { driverAdapterError?: { cause?: { message?: string; detail?: string } } } }).meta?.driverAdapterError?.cause;
  if (cause?.message) return cause.detail ? `${cause.message} (${cause.detail})` : cause.message;
  return err instanceof Error ? err.message : String(err);
}

export class SeedWriter {
  private constructor(
    private readonly root: PrismaClient,
    /** Where statements run: the root client, or the transaction of a batch. */
    private readonly db: RawSql,
    /** table → column → SQL type ("uuid", "timestamp(3) with time zone", "\"OrderStatus\"", …). */
    private readonly types: ReadonlyMap<string, ReadonlyMap<string, string>>,
  ) {}

  static async open(db: PrismaClient): Promise<SeedWriter> {
    const rows = await db.$queryRawUnsafe<{ table: string; column: string; type: string }[]>(`
      SELECT c.relname AS "table", a.attname AS "column", format_type(a.atttypid, a.atttypmod) AS "type"
        FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE n.nspname = current_schema() AND c.relkind = 'r' AND a.attnum > 0 AND NOT a.attisdropped`);
    const types = new Map<string, Map<string, string>>();
    for (const r of rows) {
      let t = types.get(r.table);
      if (!t) types.set(r.table, (t = new Map()));
      t.set(r.column, r.type);
    }
    return new SeedWriter(db, db, types);
  }

  /** The INSERT statements for `rows`, as lazy Prisma promises. */
  private statements(table: string, rows: readonly Row[], conflict = ""): Statement[] {
    const first = rows[0];
    if (!first) return [];
    const columns = Object.keys(first);
    const types = this.types.get(table);
    if (!types) throw new Error(`seed: table "${table}" does not exist (are the migrations applied?)`);
    const columnTypes = columns.map((c) => {
      const type = types.get(c);
      if (!type) throw new Error(`seed: column "${table}"."${c}" does not exist; the seed is out of date with the schema`);
      return type;
    });
    const casts = columnTypes.map((type, i) => `$${i + 1}::${type}[]`);
    const quoted = columnTypes.map((type) => QUOTED_TYPES.test(type));
    const cols = columns.map((c) => `"${c}"`).join(", ");
    const sql = `INSERT INTO "${table}" (${cols}) SELECT * FROM unnest(${casts.join(", ")})${conflict}`;
    const out: Statement[] = [];
    for (let i = 0; i < rows.length; i += CHUNK_ROWS) {
      const chunk = rows.slice(i, i + CHUNK_ROWS);
      out.push(this.db.$executeRawUnsafe(sql, ...columns.map((c, j) => arrayLiteral(chunk, c, quoted[j]!))));
    }
    return out;
  }

  async insert(table: string, rows: readonly Row[], conflict = ""): Promise<number> {
    let n = 0;
    try {
      for (const statement of this.statements(table, rows, conflict)) n += await statement;
    } catch (err) {
      throw new Error(`seed: inserting into "${table}" failed: ${databaseMessage(err)}`, { cause: err });
    }
    return n;
  }

  /**
   * One order batch in one transaction, tables in foreign-key order. Customers
   * are not part of it: the caller commits them first, because a later batch
   * (possibly in flight at the same time) may already refer to them.
   */
  async orderBatch(b: Omit<OrderBatch, "customers">): Promise<void> {
    await this.transaction([
      ["Order", b.orders], ["OrderLine", b.lines], ["OrderHold", b.holds], ["OrderEvent", b.events],
      ["Reservation", b.reservations], ["StockMovement", b.movements], ["Exception", b.exceptions],
    ]);
  }

  async stock(s: StockData): Promise<void> {
    await this.transaction([["StockBalance", s.balances], ["BinStock", s.binStocks], ["StockMovement", s.movements], ["Exception", s.exceptions]]);
  }

  /**
   * An interactive transaction, whose time limits (unlike a batch
   * $transaction's) can be raised: generating the next batch keeps the event
   * loop busy for a while, and a big batch on a busy machine takes seconds.
   */
  private async transaction(tables: readonly (readonly [string, readonly Row[]])[]): Promise<void> {
    await this.root.$transaction(
      async (tx) => {
        // Demo data can be regenerated: no need to wait for the WAL flush at commit.
        await tx.$executeRawUnsafe("SET LOCAL synchronous_commit = off");
        const scoped = new SeedWriter(this.root, tx, this.types);
        for (const [table, rows] of tables) await scoped.insert(table, rows);
      },
      { maxWait: 120_000, timeout: 900_000 },
    );
  }

  /**
   * Explicitly numbered columns (Order.number, PurchaseOrder.number,
   * StockMovement.id) leave their sequences behind; move each to the column's
   * maximum so the application's next insert does not collide.
   */
  async syncSequences(): Promise<void> {
    const targets: readonly (readonly [string, string])[] = [["Order", "number"], ["PurchaseOrder", "number"], ["StockMovement", "id"], ["OrderEvent", "id"]];
    for (const [table, column] of targets) {
      await this.db.$executeRawUnsafe(
        `SELECT setval(pg_get_serial_sequence('"${table}"', '${column}'), COALESCE((SELECT MAX("${column}") FROM "${table}"), 1), (SELECT MAX("${column}") FROM "${table}") IS NOT NULL)`,
      );
    }
  }

  /** PGlite runs every statement on one connection; PostgreSQL can take a few batches at once. */
  async isEmbedded(): Promise<boolean> {
    const rows = await this.db.$queryRawUnsafe<{ version: string }[]>("SELECT version() AS version");
    return /emscripten/i.test(rows[0]?.version ?? "");
  }

  /**
   * Empties the tables the seed writes, and (CASCADE) whatever refers to them:
   * only ever called on a database that had no orders, SKUs or users before the seed.
   */
  async truncate(): Promise<void> {
    const tables = [
      "Exception", "BinStock", "StockBalance", "StockMovement", "Reservation", "OrderEvent", "OrderHold", "OrderLine", "Order", "Customer",
      "PurchaseOrderLine", "PurchaseOrder", "Sku", "Product", "Bin", "Warehouse", "Channel", "User",
    ];
    await this.root.$executeRawUnsafe(`TRUNCATE ${tables.map((t) => `"${t}"`).join(", ")} RESTART IDENTITY CASCADE`);
  }

  async tablesWithRows(): Promise<string[]> {
    const tables = ["User", "Channel", "Warehouse", "Product", "Sku", "Customer", "Order", "StockMovement", "PurchaseOrder"];
    const sql = tables.map((t) => `SELECT '${t}' AS t WHERE EXISTS (SELECT 1 FROM "${t}")`).join(" UNION ALL ");
    const rows = await this.db.$queryRawUnsafe<{ t: string }[]>(sql);
    return rows.map((r) => r.t);
  }
}
