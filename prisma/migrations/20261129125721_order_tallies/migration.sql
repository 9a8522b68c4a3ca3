-- CreateTable
CREATE TABLE "OrderTally" (
    "channelId" UUID NOT NULL,
    "status" "OrderStatus" NOT NULL,
    "shard" INTEGER NOT NULL,
    "orders" INTEGER NOT NULL,

    CONSTRAINT "OrderTally_pkey" PRIMARY KEY ("channelId","status","shard")
);

-- CreateTable
CREATE TABLE "SalesRollup" (
    "bucket" TIMESTAMPTZ(3) NOT NULL,
    "currency" TEXT NOT NULL,
    "shard" INTEGER NOT NULL,
    "orders" INTEGER NOT NULL,
    "revenueCents" BIGINT NOT NULL,

    CONSTRAINT "SalesRollup_pkey" PRIMARY KEY ("bucket","currency","shard")
);


-- Kept by statement-level triggers on "Order", below every code path (capture statement, services, imports,
-- seeds): each statement that inserts, updates or deletes orders adds, from its transition tables, what it
-- changed per key, into its own session's row (shard = backend pid). No two transactions ever update the
-- same row at once, so counting never serialises ingest. Revenue counted here: orders not cancelled whose
-- payment is PAID or PARTIALLY_REFUNDED, at their total (refunds are taken off by the reader).
CREATE FUNCTION "order_received_cents"(s "OrderStatus", p "PaymentStatus", total integer) RETURNS bigint
  LANGUAGE sql IMMUTABLE AS $$ SELECT CASE WHEN s <> 'CANCELLED' AND p IN ('PAID', 'PARTIALLY_REFUNDED') THEN total ELSE 0 END::bigint $$;

CREATE FUNCTION "sales_bucket"(t timestamptz) RETURNS timestamptz
  LANGUAGE sql IMMUTABLE AS $$ SELECT date_bin('15 minutes', t, TIMESTAMPTZ '2000-01-01 00:00:00+00') $$;

-- One function for the three triggers; each branch reads only the transition tables its event has, and
-- is one statement (both tallies from one pass over the rows): the reservation statement fires the UPDATE
-- branch on every batch, and a second statement per batch measurably slowed it (bench/RESULTS.md).
CREATE FUNCTION "order_tallies_apply"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    WITH c AS MATERIALIZED (
      SELECT "channelId", status, "sales_bucket"("placedAt") AS b, currency, count(*)::int AS d,
             sum("order_received_cents"(status, "paymentStatus", "totalCents")) AS r
      FROM new_rows GROUP BY 1, 2, 3, 4
    ), t AS (
      INSERT INTO "OrderTally" ("channelId", status, shard, orders)
      SELECT "channelId", status, pg_backend_pid(), sum(d) FROM c GROUP BY 1, 2 ORDER BY 1, 2
      ON CONFLICT ("channelId", status, shard) DO UPDATE SET orders = "OrderTally".orders + excluded.orders
    )
    INSERT INTO "SalesRollup" (bucket, currency, shard, orders, "revenueCents")
    SELECT b, currency, pg_backend_pid(), sum(d), sum(r) FROM c GROUP BY 1, 2 ORDER BY 1, 2
    ON CONFLICT (bucket, currency, shard) DO UPDATE
      SET orders = "SalesRollup".orders + excluded.orders, "revenueCents" = "SalesRollup"."revenueCents" + excluded."revenueCents";
  ELSIF TG_OP = 'UPDATE' THEN
    WITH c AS MATERIALIZED (
      SELECT "channelId", status, "sales_bucket"("placedAt") AS b, currency, sum(d)::int AS d, sum(r) AS r FROM (
        SELECT "channelId", status, "placedAt", currency, 1 AS d, "order_received_cents"(status, "paymentStatus", "totalCents") AS r FROM new_rows
        UNION ALL
        SELECT "channelId", status, "placedAt", currency, -1, -"order_received_cents"(status, "paymentStatus", "totalCents") FROM old_rows
      ) x GROUP BY 1, 2, 3, 4 HAVING sum(d) <> 0 OR sum(r) <> 0
    ), t AS (
      INSERT INTO "OrderTally" ("channelId", status, shard, orders)
      SELECT "channelId", status, pg_backend_pid(), sum(d) FROM c GROUP BY 1, 2 HAVING sum(d) <> 0 ORDER BY 1, 2
      ON CONFLICT ("channelId", status, shard) DO UPDATE SET orders = "OrderTally".orders + excluded.orders
    )
    INSERT INTO "SalesRollup" (bucket, currency, shard, orders, "revenueCents")
    SELECT b, currency, pg_backend_pid(), sum(d), sum(r) FROM c GROUP BY 1, 2 HAVING sum(d) <> 0 OR sum(r) <> 0 ORDER BY 1, 2
    ON CONFLICT (bucket, currency, shard) DO UPDATE
      SET orders = "SalesRollup".orders + excluded.orders, "revenueCents" = "SalesRollup"."revenueCents" + excluded."revenueCents";
  ELSE
    WITH c AS MATERIALIZED (
      SELECT "channelId", status, "sales_bucket"("placedAt") AS b, currency, -count(*)::int AS d,
             -sum("order_received_cents"(status, "paymentStatus", "totalCents")) AS r
      FROM old_rows GROUP BY 1, 2, 3, 4
    ), t AS (
      INSERT INTO "OrderTally" ("channelId", status, shard, orders)
      SELECT "channelId", status, pg_backend_pid(), sum(d) FROM c GROUP BY 1, 2 ORDER BY 1, 2
      ON CONFLICT ("channelId", status, shard) DO UPDATE SET orders = "OrderTally".orders + excluded.orders
    )
    INSERT INTO "SalesRollup" (bucket, currency, shard, orders, "revenueCents")
    SELECT b, currency, pg_backend_pid(), sum(d), sum(r) FROM c GROUP BY 1, 2 ORDER BY 1, 2
    ON CONFLICT (bucket, currency, shard) DO UPDATE
      SET orders = "SalesRollup".orders + excluded.orders, "revenueCents" = "SalesRollup"."revenueCents" + excluded."revenueCents";
  END IF;
  RETURN NULL;
END
$$;

-- Orders written while this migration runs wait for it, so the triggers and the backfill below miss none.
LOCK TABLE "Order" IN SHARE ROW EXCLUSIVE MODE;

CREATE TRIGGER "Order_tallies_insert" AFTER INSERT ON "Order"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "order_tallies_apply"();
CREATE TRIGGER "Order_tallies_update" AFTER UPDATE ON "Order"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "order_tallies_apply"();
CREATE TRIGGER "Order_tallies_delete" AFTER DELETE ON "Order"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "order_tallies_apply"();

-- What is already there, in shard 0.
INSERT INTO "OrderTally" ("channelId", status, shard, orders)
  SELECT "channelId", status, 0, count(*) FROM "Order" GROUP BY 1, 2;
INSERT INTO "SalesRollup" (bucket, currency, shard, orders, "revenueCents")
  SELECT "sales_bucket"("placedAt"), currency, 0, count(*), sum("order_received_cents"(status, "paymentStatus", "totalCents"))
  FROM "Order" GROUP BY 1, 2;
