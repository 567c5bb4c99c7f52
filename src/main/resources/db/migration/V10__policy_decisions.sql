-- Why the return policy decided as it did, kept with the return (engine history is cleaned up): the decision
-- table's key, version and deployment, the exact inputs and outputs (JSON), and the rule that matched with its
-- row and annotation. One row per return. Same script on H2 and PostgreSQL.
CREATE TABLE rma_policy_decision (
    return_id              BIGINT       PRIMARY KEY REFERENCES rma_return (id),
    decision_key           VARCHAR(100) NOT NULL,
    decision_version       INTEGER      NOT NULL,
    decision_definition_id VARCHAR(64)  NOT NULL,
    deployment_id          VARCHAR(64),
    rule_id                VARCHAR(100),
    rule_row               INTEGER,
    rule_annotation        VARCHAR(500),
    inputs                 TEXT         NOT NULL,
    outputs                TEXT,
    decided_at             TIMESTAMP WITH TIME ZONE NOT NULL
);
