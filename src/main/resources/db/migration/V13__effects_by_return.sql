-- A step asks whether it made any effect for its return before (the closing email, once per outcome): by the
-- return's few effects, not by a prefix of the key, which PostgreSQL answers by reading every effect ever made.
CREATE INDEX ix_rma_effect_rma ON rma_effect (rma_number);
