-- The stock ledger is append-only: a movement, once written, is never updated or deleted
-- (a correction is a new movement). Enforced here, below every code path; the stock
-- reconciliation relies on it. Maintenance that must rewrite history (backdating test
-- data) sets fluxo.ledger_maintenance = 'on' for its own transaction only (SET LOCAL).
CREATE FUNCTION "stock_movement_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF coalesce(current_setting('fluxo.ledger_maintenance', true), '') = 'on' THEN
    RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
  END IF;
  RAISE EXCEPTION 'The stock ledger is append-only: % of a StockMovement row refused (record a correcting movement instead)', TG_OP
    USING ERRCODE = 'integrity_constraint_violation';
END
$$;

CREATE TRIGGER "StockMovement_append_only"
  BEFORE UPDATE OR DELETE ON "StockMovement"
  FOR EACH ROW EXECUTE FUNCTION "stock_movement_append_only"();
