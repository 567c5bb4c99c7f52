-- Customer service searches returns by email in any case (GET /api/returns?email=): the search compares
-- UPPER(customer_email), which the plain index on the column cannot answer. PostgreSQL only: H2 has no
-- expression indexes (and the demo's few returns need none).
CREATE INDEX ix_rma_return_email_upper ON rma_return (UPPER(customer_email));
