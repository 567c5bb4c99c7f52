-- The return is saved as one aggregate (Spring Data JDBC): the root row with its lines.
-- Same script on H2 and PostgreSQL.

-- The policy's own keep-item answer, apart from the return's keep_item (which the customer may also ask for).
ALTER TABLE rma_return ADD COLUMN policy_keep_item BOOLEAN;
UPDATE rma_return SET policy_keep_item = keep_item WHERE policy_decision IS NOT NULL;

-- The position of a line in the aggregate's list (line_no - 1), written by Spring Data JDBC.
ALTER TABLE rma_line ADD COLUMN line_index INTEGER;
UPDATE rma_line SET line_index = line_no - 1;

-- The label PDF in a table of its own: read when it is sent or downloaded, never with the return.
CREATE TABLE rma_label_pdf (
    return_id BIGINT PRIMARY KEY REFERENCES rma_return (id),
    pdf       BYTEA  NOT NULL
);
INSERT INTO rma_label_pdf (return_id, pdf) SELECT id, label_pdf FROM rma_return WHERE label_pdf IS NOT NULL;
ALTER TABLE rma_return DROP COLUMN label_pdf;

-- Lookups of inbound payment events and of the refunds of one payment.
CREATE INDEX ix_rma_return_payment_intent ON rma_return (payment_intent_id);
CREATE INDEX ix_rma_return_refund ON rma_return (refund_id);
