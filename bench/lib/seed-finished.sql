-- Fills the database with finished returns as the lifecycle leaves them, in bulk: every return that the run
-- before finished (CLOSED with a refund) is a template; its rows in every rma_* table and its whole engine
-- history (act_hi_*, and the byte arrays its history points to) are copied until there are :target finished
-- returns. Copy g of template RMA-001234 is RMA-<g * 10^7 + 1234>, with its process instance's business key;
-- every other identifier gets "~g" (strings) or "+ g * (largest id + 1)" (numbers), so every lookup by
-- payment, tracking number, refund, email or process instance finds exactly one return, as in production.
--
--   psql -v target=1000000 -f bench/lib/seed-finished.sql
\set ON_ERROR_STOP on
\timing off

CREATE OR REPLACE FUNCTION pg_temp.copy_expr(tbl text, col text, typ text) RETURNS text AS $$
BEGIN
  -- the copy's RMA number and business key
  IF col IN ('rma_number', 'business_key_') THEN
    RETURN format('CASE WHEN %1$I ~ ''^RMA-[0-9]+$'' THEN ''RMA-'' || (g * 10000000 + substr(%1$I, 5)::bigint) '
      || 'ELSE %1$I END', col);
  END IF;
  IF tbl LIKE 'rma\_%' THEN
    IF col = 'id' THEN
      RETURN format('id + g * (SELECT k FROM seed_k WHERE t = %L)', tbl);
    ELSIF col = 'return_id' THEN
      RETURN 'return_id + g * (SELECT k FROM seed_k WHERE t = ''rma_return'')';
    ELSIF col = 'delivery_id' THEN
      RETURN 'delivery_id + g * (SELECT k FROM seed_k WHERE t = ''rma_outbound_delivery'')';
    ELSIF col = 'process_instance_id' THEN
      RETURN format('left(%1$I, 63 - length(g::text)) || ''~'' || g', col); -- as the engine's ids below
    ELSIF typ = 'character varying' AND (col IN ('order_id', 'payment_intent_id', 'subscription_id',
        'stripe_customer_id', 'ticket_id', 'customer_id', 'customer_email', 'label_id', 'tracking_number',
        'refund_id', 'store_credit_id', 'idempotency_key', 'source_return_id', 'source_transaction_id', 'event_id',
        'effect_key', 'line_item_id')) THEN
      RETURN format('%1$I || ''~'' || g', col);
    END IF;
    RETURN quote_ident(col);
  END IF;
  -- engine history: every id of the instance's own things; definitions, deployments, users stay as they are
  IF typ = 'character varying' AND (col = 'id_' OR col LIKE '%\_id\_') AND col NOT IN ('proc_def_id_',
      'process_def_id_', 'dec_def_id_', 'case_def_id_', 'deployment_id_', 'tenant_id_', 'job_def_id_',
      'user_id_', 'group_id_', 'start_user_id_', 'create_user_id_', 'clause_id_', 'rule_id_', 'dec_req_id_',
      'assigner_id_', 'batch_id_', 'seed_job_def_id_', 'monitor_job_def_id_', 'batch_job_def_id_', 'act_id_',
      'failed_act_id_', 'activity_id_', 'failed_activity_id_', 'case_act_id_') THEN
    -- ids are at most 64 characters; an activity instance's ("Activity:uuid") may be near that: the same cut
    -- wherever the id appears keeps references intact
    RETURN format('left(%1$I, 63 - length(g::text)) || ''~'' || g', col);
  END IF;
  RETURN quote_ident(col);
END $$ LANGUAGE plpgsql;

-- copies tbl's template rows (those matching where_sql) for copies g1..g2
CREATE OR REPLACE FUNCTION pg_temp.copy_rows(tbl text, where_sql text, g1 int, g2 int) RETURNS bigint AS $$
DECLARE
  cols text;
  exprs text;
  n bigint;
BEGIN
  SELECT string_agg(quote_ident(column_name), ', ' ORDER BY ordinal_position),
         string_agg(pg_temp.copy_expr(tbl, column_name, data_type), ', ' ORDER BY ordinal_position)
    INTO cols, exprs
    FROM information_schema.columns WHERE table_schema = 'public' AND table_name = tbl;
  EXECUTE format('INSERT INTO %I (%s) SELECT %s FROM %I CROSS JOIN generate_series(%s, %s) AS g WHERE %s',
    tbl, cols, exprs, tbl, g1, g2, where_sql);
  GET DIAGNOSTICS n = ROW_COUNT;
  RETURN n;
END $$ LANGUAGE plpgsql;

-- the templates
DROP TABLE IF EXISTS seed_return, seed_proc, seed_k;
CREATE TABLE seed_return AS
  SELECT id, rma_number FROM rma_return
   WHERE status = 'CLOSED' AND refunded_at IS NOT NULL AND rma_number ~ '^RMA-[0-9]{6}$';
CREATE TABLE seed_proc AS
  SELECT p.id_ FROM act_hi_procinst p JOIN seed_return r ON p.business_key_ = r.rma_number
   WHERE p.end_time_ IS NOT NULL;
CREATE UNIQUE INDEX ON seed_return (id);
CREATE UNIQUE INDEX ON seed_return (rma_number);
CREATE UNIQUE INDEX ON seed_proc (id_);
CREATE TABLE seed_k AS
  SELECT 'rma_return'::text AS t, COALESCE(MAX(id), 0) + 1 AS k FROM rma_return
  UNION ALL SELECT 'rma_line', COALESCE(MAX(id), 0) + 1 FROM rma_line
  UNION ALL SELECT 'rma_timeline', COALESCE(MAX(id), 0) + 1 FROM rma_timeline
  UNION ALL SELECT 'rma_inbox', COALESCE(MAX(id), 0) + 1 FROM rma_inbox
  UNION ALL SELECT 'rma_outbound_delivery', COALESCE(MAX(id), 0) + 1 FROM rma_outbound_delivery
  UNION ALL SELECT 'rma_outbound_attempt', COALESCE(MAX(id), 0) + 1 FROM rma_outbound_attempt;
ANALYZE seed_return;
ANALYZE seed_proc;

SELECT count(*) AS templates, (SELECT count(*) FROM seed_proc) AS with_history,
       CEIL(:target::numeric / GREATEST(count(*), 1)) - 1 AS copies
  FROM seed_return \gset
\echo seeding :target finished returns from :templates templates (:with_history with their history), :copies copies each
SELECT set_config('seed.copies', :'copies', false), set_config('seed.templates', :'templates', false) \g /dev/null

DO $$
DECLARE
  copies int := current_setting('seed.copies')::int;
  step int := GREATEST(1, 20000 / GREATEST(current_setting('seed.templates')::int, 1));
  g1 int := 1;
  g2 int;
  rows bigint := 0;
  started timestamptz := clock_timestamp();
  tbl text;
BEGIN
  WHILE g1 <= copies LOOP
    g2 := LEAST(copies, g1 + step - 1);
    rows := rows + pg_temp.copy_rows('rma_return', 'id IN (SELECT id FROM seed_return)', g1, g2);
    FOREACH tbl IN ARRAY ARRAY['rma_line', 'rma_timeline', 'rma_label_pdf', 'rma_policy_decision', 'rma_inbox'] LOOP
      rows := rows + pg_temp.copy_rows(tbl, 'return_id IN (SELECT id FROM seed_return)', g1, g2);
    END LOOP;
    rows := rows + pg_temp.copy_rows('rma_effect', 'rma_number IN (SELECT rma_number FROM seed_return)', g1, g2);
    rows := rows + pg_temp.copy_rows('rma_outbound_delivery',
      'rma_number IN (SELECT rma_number FROM seed_return)', g1, g2);
    rows := rows + pg_temp.copy_rows('rma_outbound_attempt', 'delivery_id IN (SELECT d.id FROM rma_outbound_delivery d '
      || 'JOIN seed_return r ON d.rma_number = r.rma_number)', g1, g2);
    FOREACH tbl IN ARRAY ARRAY['act_hi_procinst', 'act_hi_actinst', 'act_hi_taskinst', 'act_hi_varinst',
        'act_hi_detail', 'act_hi_job_log', 'act_hi_identitylink', 'act_hi_incident', 'act_hi_op_log',
        'act_hi_decinst', 'act_hi_dec_in', 'act_hi_dec_out', 'act_hi_comment', 'act_hi_attachment',
        'act_hi_ext_task_log', 'act_ge_bytearray'] LOOP
      rows := rows + pg_temp.copy_rows(tbl, 'root_proc_inst_id_ IN (SELECT id_ FROM seed_proc)', g1, g2);
    END LOOP;
    COMMIT;
    RAISE NOTICE 'copies % to % of %: % rows so far, % s', g1, g2, copies, rows,
      round(extract(epoch FROM clock_timestamp() - started));
    g1 := g2 + 1;
  END LOOP;
END $$;

-- new rows continue above the copies
DO $$
DECLARE
  tbl text;
  next bigint;
BEGIN
  FOREACH tbl IN ARRAY ARRAY['rma_return', 'rma_line', 'rma_timeline', 'rma_inbox', 'rma_outbound_delivery',
      'rma_outbound_attempt'] LOOP
    EXECUTE format('SELECT COALESCE(MAX(id), 0) + 1 FROM %I', tbl) INTO next;
    EXECUTE format('ALTER TABLE %I ALTER COLUMN id RESTART WITH %s', tbl, next);
  END LOOP;
END $$;
DROP TABLE seed_return, seed_proc, seed_k;
ANALYZE;
SELECT count(*) AS finished_returns FROM rma_return WHERE status = 'CLOSED';
