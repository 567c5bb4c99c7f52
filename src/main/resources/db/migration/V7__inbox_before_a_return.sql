-- Shopify's webhooks are kept in the inbox before any return knows them: returns/request opens the
-- return, refunds/create names only the order. Such an entry has no return yet (return_id is set once
-- it was processed), the topic in message_name, and is RECEIVED until it was processed; detail says
-- what became of it, or why it could not be processed yet. The payload is the few fields the handler
-- needs, one line per returned item, so it gets more room than a message's variables.
-- Same script on H2 and PostgreSQL.
ALTER TABLE rma_inbox ALTER COLUMN return_id DROP NOT NULL;
ALTER TABLE rma_inbox ALTER COLUMN payload SET DATA TYPE VARCHAR(16000);
ALTER TABLE rma_inbox ADD COLUMN detail VARCHAR(1000);

CREATE INDEX ix_rma_inbox_received ON rma_inbox (state, received_at);
