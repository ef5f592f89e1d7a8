-- What tenants pay us.

CREATE TABLE billing.plans (
    code text PRIMARY KEY,
    tier core.plan_tier NOT NULL,
    monthly_cents bigint NOT NULL CHECK (monthly_cents >= 0),
    included_orders integer NOT NULL DEFAULT 0,
    active boolean NOT NULL DEFAULT true
);

CREATE TABLE billing.subscriptions (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id bigint NOT NULL REFERENCES core.tenants ON DELETE CASCADE,
    plan_code text NOT NULL REFERENCES billing.plans ON UPDATE CASCADE,
    started_at timestamptz NOT NULL DEFAULT now(),
    cancelled_at timestamptz,
    trial_ends_at timestamptz
);
CREATE UNIQUE INDEX subscriptions_one_active ON billing.subscriptions (tenant_id)
    WHERE cancelled_at IS NULL;

CREATE TABLE billing.payment_methods (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id bigint NOT NULL REFERENCES core.tenants ON DELETE CASCADE,
    brand text NOT NULL,
    last4 char(4) NOT NULL CHECK (last4 ~ '^[0-9]{4}$'),
    expires date NOT NULL,
    is_default boolean NOT NULL DEFAULT false
);

CREATE TABLE billing.invoices (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id bigint NOT NULL REFERENCES core.tenants ON DELETE RESTRICT,
    subscription_id bigint REFERENCES billing.subscriptions ON DELETE SET NULL,
    status billing.invoice_status NOT NULL DEFAULT 'open',
    period daterange NOT NULL,
    total_cents bigint NOT NULL DEFAULT 0,
    issued_at timestamptz NOT NULL DEFAULT now(),
    paid_at timestamptz
);
CREATE INDEX invoices_period_idx ON billing.invoices USING gist (period);

CREATE TABLE billing.invoice_lines (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    invoice_id bigint NOT NULL REFERENCES billing.invoices ON DELETE CASCADE,
    description text NOT NULL,
    quantity integer NOT NULL DEFAULT 1,
    unit_cents bigint NOT NULL
);

CREATE TABLE billing.credits (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id bigint NOT NULL REFERENCES core.tenants ON DELETE CASCADE,
    amount_cents bigint NOT NULL,
    reason text NOT NULL,
    applied_invoice_id bigint REFERENCES billing.invoices ON DELETE SET NULL
);

-- Usage is metered per tenant and month: a range-partitioned table with a default
-- partition for late records.
CREATE TABLE billing.usage_records (
    tenant_id bigint NOT NULL,
    metric text NOT NULL,
    recorded_on date NOT NULL,
    quantity bigint NOT NULL CHECK (quantity >= 0),
    PRIMARY KEY (tenant_id, metric, recorded_on)
) PARTITION BY RANGE (recorded_on);
CREATE TABLE billing.usage_records_2025_12 PARTITION OF billing.usage_records
    FOR VALUES FROM ('2025-12-01') TO ('2026-01-01');
CREATE TABLE billing.usage_records_2026_01 PARTITION OF billing.usage_records
    FOR VALUES FROM ('2026-01-01') TO ('2026-02-01');
CREATE TABLE billing.usage_records_late PARTITION OF billing.usage_records DEFAULT;
CREATE INDEX usage_records_metric_idx ON billing.usage_records (metric, recorded_on);
