-- Operations: audit log, support, webhooks, jobs.

CREATE TABLE ops.audit_log (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    table_name text NOT NULL,
    action text NOT NULL CHECK (action IN ('INSERT', 'UPDATE', 'DELETE', 'TRUNCATE')),
    row_data jsonb,
    at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX audit_log_at_idx ON ops.audit_log USING brin (at);

CREATE TABLE ops.tickets (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id bigint NOT NULL REFERENCES core.tenants ON DELETE CASCADE,
    customer_id bigint REFERENCES sales.customers ON DELETE SET NULL,
    order_id bigint REFERENCES sales.orders ON DELETE SET NULL,
    subject text NOT NULL,
    priority ops.ticket_priority NOT NULL DEFAULT 'normal',
    assignee_id bigint REFERENCES core.users,
    opened_at timestamptz NOT NULL DEFAULT now(),
    closed_at timestamptz
);

CREATE TABLE ops.ticket_messages (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    ticket_id bigint NOT NULL REFERENCES ops.tickets ON DELETE CASCADE,
    from_customer boolean NOT NULL,
    body text NOT NULL,
    sent_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE ops.webhook_endpoints (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id bigint NOT NULL REFERENCES core.tenants ON DELETE CASCADE,
    url text NOT NULL CHECK (url LIKE 'https://%'),
    events text[] NOT NULL,
    secret text NOT NULL DEFAULT md5(random()::text),
    disabled_at timestamptz
);

-- Deliveries are spread over hash partitions by endpoint.
CREATE TABLE ops.webhook_deliveries (
    id bigint NOT NULL,
    endpoint_id bigint NOT NULL REFERENCES ops.webhook_endpoints ON DELETE CASCADE,
    event text NOT NULL,
    payload jsonb NOT NULL,
    status_code smallint,
    attempted_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (endpoint_id, id)
) PARTITION BY HASH (endpoint_id);
CREATE TABLE ops.webhook_deliveries_p0 PARTITION OF ops.webhook_deliveries
    FOR VALUES WITH (MODULUS 4, REMAINDER 0);
CREATE TABLE ops.webhook_deliveries_p1 PARTITION OF ops.webhook_deliveries
    FOR VALUES WITH (MODULUS 4, REMAINDER 1);
CREATE TABLE ops.webhook_deliveries_p2 PARTITION OF ops.webhook_deliveries
    FOR VALUES WITH (MODULUS 4, REMAINDER 2);
CREATE TABLE ops.webhook_deliveries_p3 PARTITION OF ops.webhook_deliveries
    FOR VALUES WITH (MODULUS 4, REMAINDER 3);

CREATE TABLE ops.jobs (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    queue text NOT NULL DEFAULT 'default',
    payload jsonb NOT NULL,
    run_at timestamptz NOT NULL DEFAULT now(),
    attempts smallint NOT NULL DEFAULT 0,
    locked_by text,
    failed_at timestamptz,
    last_error text
);
CREATE INDEX jobs_ready_idx ON ops.jobs (queue, run_at) WHERE locked_by IS NULL AND failed_at IS NULL;

CREATE TABLE ops.job_history (
    job_id bigint NOT NULL,
    change jsonb NOT NULL
) INHERITS (core.audit_base);

CREATE TABLE ops.email_outbox (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id bigint REFERENCES core.tenants ON DELETE CASCADE,
    to_address core.email NOT NULL,
    template text NOT NULL,
    variables jsonb NOT NULL DEFAULT '{}',
    sent_at timestamptz
);

CREATE TABLE ops.rate_limits (
    tenant_id bigint NOT NULL REFERENCES core.tenants ON DELETE CASCADE,
    bucket text NOT NULL,
    window_start timestamptz NOT NULL,
    hits integer NOT NULL DEFAULT 0,
    PRIMARY KEY (tenant_id, bucket, window_start)
);
