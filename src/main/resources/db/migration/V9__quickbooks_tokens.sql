-- The QuickBooks Online connection: Intuit rotates the refresh token on every refresh, so the newest one is kept
-- here (one row per company, locked while it is used) instead of in the configuration. Both tokens are stored
-- encrypted (AES-GCM, key OPENRMA_QUICKBOOKS_TOKENKEY), Base64 of nonce + ciphertext + tag.
-- Same script on H2 and PostgreSQL.
CREATE TABLE rma_quickbooks_token (
    realm_id           VARCHAR(40)   NOT NULL PRIMARY KEY,
    refresh_token      VARCHAR(4096) NOT NULL,
    refresh_expires_at TIMESTAMP WITH TIME ZONE,
    access_token       VARCHAR(8192),
    access_expires_at  TIMESTAMP WITH TIME ZONE,
    -- set when Intuit answered invalid_grant: an admin has to reconnect QuickBooks
    refused_at         TIMESTAMP WITH TIME ZONE,
    refused_reason     VARCHAR(400),
    updated_at         TIMESTAMP WITH TIME ZONE NOT NULL
);
