-- Where a return's order came from, and the source's own records of it (Shopify's return, the
-- transaction a refund goes against). Empty for returns typed in by hand ("manual").
-- Same script on H2 and PostgreSQL.
ALTER TABLE rma_return ADD COLUMN source_name VARCHAR(40);
ALTER TABLE rma_return ADD COLUMN source_order_number VARCHAR(64);
ALTER TABLE rma_return ADD COLUMN source_gateway VARCHAR(64);
ALTER TABLE rma_return ADD COLUMN source_transaction_id VARCHAR(200);
ALTER TABLE rma_return ADD COLUMN source_return_id VARCHAR(200);

-- How the return was asked for: api (staff, partners, the shop's backend), portal (the customer), or the order
-- source's own returns (shopify: a request in Shopify's customer account).
ALTER TABLE rma_return ADD COLUMN channel VARCHAR(20) DEFAULT 'api' NOT NULL;

-- The customer's language (e.g. de), so the emails about the return follow it; empty: English.
ALTER TABLE rma_return ADD COLUMN locale VARCHAR(20);

-- The customer's status links carry this number; revoking them counts it up, so every link sent so far stops working.
ALTER TABLE rma_return ADD COLUMN status_link_generation INTEGER DEFAULT 0 NOT NULL;

-- The order line each returned line is, in the source (e.g. gid://shopify/LineItem/...).
ALTER TABLE rma_line ADD COLUMN line_item_id VARCHAR(200);
-- For an exchange in the order source: the variant the customer gets instead (gid://shopify/ProductVariant/...).
ALTER TABLE rma_line ADD COLUMN exchange_variant_id VARCHAR(200);

-- Webhooks from the source name its return; the echo of OpenRMA's own return is recognised by it.
CREATE UNIQUE INDEX ix_rma_return_source_return ON rma_return (source_return_id);
