-- EXPLAIN (ANALYZE, BUFFERS) of every statement OpenRMA sends to its own rma_* tables, with the values of one
-- return picked at random (after bench/lib/seed-finished.sql: one of a million). The statements as the
-- repositories, ReturnSearch, Effects, Timeline and MessageInbox write them; keep this list with them.
--
--   psql -f bench/lib/explain-rma.sql
\set ON_ERROR_STOP on
SELECT id, rma_number, payment_intent_id, tracking_number, refund_id, customer_email, customer_id, order_id,
       process_instance_id
  FROM rma_return TABLESAMPLE SYSTEM (1) WHERE status = 'CLOSED' AND refund_id IS NOT NULL LIMIT 1 \gset
\echo picked :rma_number

\echo '### findByRmaNumber (every step reads its return by number, then its lines)'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT * FROM rma_return WHERE rma_number = :'rma_number';
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT * FROM rma_line WHERE return_id = :id ORDER BY line_index;
\echo '### idByRmaNumber (a timeline note)'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT id FROM rma_return WHERE rma_number = :'rma_number';
\echo '### refundedForPaymentIntent (Calculate refund: what other returns of the payment refunded)'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT COALESCE(SUM(refund_total), 0) FROM rma_return
  WHERE payment_intent_id = :'payment_intent_id' AND id <> :id AND refund_status = 'SUCCEEDED';
\echo '### rmaNumbersByPaymentIntent (Stripe webhooks)'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT rma_number FROM rma_return WHERE payment_intent_id = :'payment_intent_id' ORDER BY id;
\echo '### rmaNumberByRefundId (Stripe refund webhooks)'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT rma_number FROM rma_return WHERE refund_id = :'refund_id';
\echo '### rmaNumberByTracking (carrier events)'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT rma_number FROM rma_return WHERE tracking_number = :'tracking_number' ORDER BY id DESC LIMIT 1;
\echo '### countReturnsOfCustomerSince (the policy input "earlier returns", every create)'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT COUNT(*) FROM rma_return
  WHERE (customer_id = :'customer_id' OR customer_email = :'customer_email') AND created_at >= now() - interval '90 days';
\echo '### unitsInReturns (eligibility, every create)'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT COALESCE(SUM(l.quantity_returned), 0) FROM rma_line l
  JOIN rma_return r ON r.id = l.return_id WHERE r.order_id = :'order_id' AND l.sku = 'SHIRT-1'
  AND r.status NOT IN ('REJECTED', 'CANCELLED', 'EXPIRED');
\echo '### sourceReturnIds / rmaNumbersBySourceOrder (Shopify orders)'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT rma_number FROM rma_return WHERE source_name = 'shopify' AND order_id = :'order_id' ORDER BY id;
\echo '### rmaNumberBySourceReturn (Shopify webhooks)'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT rma_number FROM rma_return WHERE source_return_id = 'gid://shopify/Return/1';
\echo '### findByIdempotencyKey (every create with Idempotency-Key)'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT * FROM rma_return WHERE idempotency_key = 'carl:bench-1';
\echo '### search by email, any case (GET /api/returns?email=): count and first page'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT COUNT(*) FROM rma_return WHERE UPPER(customer_email) = UPPER(:'customer_email');
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT * FROM rma_return WHERE UPPER(customer_email) = UPPER(:'customer_email') ORDER BY id DESC LIMIT 20;
\echo '### search by status (the partners poll LABEL_ISSUED and IN_TRANSIT every 250 ms): count and first page'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT COUNT(*) FROM rma_return WHERE status = 'LABEL_ISSUED';
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT * FROM rma_return WHERE status = 'LABEL_ISSUED' ORDER BY id DESC LIMIT 200;
\echo '### search by order and by tracking number'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT * FROM rma_return WHERE order_id = :'order_id' ORDER BY id DESC LIMIT 20;
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT * FROM rma_return WHERE tracking_number = :'tracking_number' ORDER BY id DESC LIMIT 20;
\echo '### the timeline of a return (GET /api/returns/{rma}/timeline, the status page)'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT * FROM rma_timeline WHERE return_id = :id ORDER BY id;
\echo '### effects: one by key (every step), any of a step (the closing email)'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT * FROM rma_effect WHERE effect_key = :'rma_number' || ':RefundPayment:1';
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT 1 FROM rma_effect WHERE rma_number = :'rma_number'
  AND effect_key LIKE :'rma_number' || ':NotifyCustomer:%' LIMIT 1;
\echo '### the inbox: a return's pending messages (after every status change), the sweep, received ones'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT i.id FROM rma_inbox i JOIN rma_return r ON r.id = i.return_id
  WHERE r.rma_number = :'rma_number' AND i.state = 'PENDING' ORDER BY i.id;
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT DISTINCT r.rma_number FROM rma_inbox i JOIN rma_return r ON r.id = i.return_id
  WHERE i.state = 'PENDING';
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) UPDATE rma_inbox SET state = 'DISCARDED' WHERE state = 'PENDING' AND return_id IN
  (SELECT id FROM rma_return WHERE status IN ('CLOSED', 'REJECTED', 'CANCELLED', 'EXPIRED'));
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT id FROM rma_inbox WHERE state = 'RECEIVED' ORDER BY id;
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT id FROM rma_inbox WHERE source = 'carrier' AND event_id = 'PU-' || :'rma_number';
\echo '### outbound webhooks: by event and subscriber, by return, pending (a gauge)'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT COUNT(*) FROM rma_outbound_delivery WHERE event_id = 'evt-1' AND subscriber = 'partner';
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT * FROM rma_outbound_delivery WHERE rma_number = :'rma_number' ORDER BY id;
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT COUNT(*) FROM rma_outbound_delivery WHERE state = 'PENDING';
\echo '### the daily report: returns created and refunded yesterday'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT COUNT(*) FROM rma_return WHERE created_at >= date_trunc('day', now()) - interval '1 day' AND created_at < date_trunc('day', now());
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT COALESCE(SUM(refund_total), 0) FROM rma_return WHERE refunded_at >= date_trunc('day', now()) - interval '1 day' AND refunded_at < date_trunc('day', now());
