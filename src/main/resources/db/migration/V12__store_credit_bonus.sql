-- Store credit with a bonus (the customer portal's openrma.portal.store-credit-bonus-percent): the percent is kept
-- on the return when it is created, so the lifecycle pays what the portal promised even after the setting changes;
-- "Calculate refund" keeps the bonus it worked out beside the refund total, so the credit issued, the books, the
-- emails and the API all show the same amount. Null on returns without a bonus. Same script on H2 and PostgreSQL.
ALTER TABLE rma_return ADD COLUMN store_credit_bonus_percent INTEGER;
ALTER TABLE rma_return ADD COLUMN refund_store_credit_bonus BIGINT;
