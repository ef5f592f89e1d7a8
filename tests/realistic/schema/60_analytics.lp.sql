-- Event data, partitioned by time (range), then by source (list).

CREATE TABLE analytics.events (
    tenant_id bigint NOT NULL,
    occurred_at timestamptz NOT NULL,
    source analytics.event_source NOT NULL,
    name text NOT NULL,
    session_id uuid,
    properties jsonb NOT NULL DEFAULT '{}'
) PARTITION BY RANGE (occurred_at);
COMMENT ON TABLE analytics.events IS 'Raw product analytics events; one partition per quarter';
CREATE INDEX events_tenant_time_idx ON analytics.events (tenant_id, occurred_at);
CREATE TABLE analytics.events_2025q4 PARTITION OF analytics.events
    FOR VALUES FROM ('2025-10-01 00:00:00+00') TO ('2026-01-01 00:00:00+00')
    PARTITION BY LIST (source);
CREATE TABLE analytics.events_2025q4_apps PARTITION OF analytics.events_2025q4
    FOR VALUES IN ('ios', 'android');
CREATE TABLE analytics.events_2025q4_other PARTITION OF analytics.events_2025q4 DEFAULT;
CREATE TABLE analytics.events_2026q1 PARTITION OF analytics.events
    FOR VALUES FROM ('2026-01-01 00:00:00+00') TO ('2026-04-01 00:00:00+00');
CREATE TABLE analytics.events_default PARTITION OF analytics.events DEFAULT;

-- Sales by day, by a key expression: a partition per year.
CREATE TABLE analytics.daily_sales (
    tenant_id bigint NOT NULL,
    day date NOT NULL,
    orders integer NOT NULL DEFAULT 0,
    revenue_cents bigint NOT NULL DEFAULT 0,
    PRIMARY KEY (tenant_id, day)
) PARTITION BY RANGE (day);
CREATE TABLE analytics.daily_sales_2025 PARTITION OF analytics.daily_sales
    FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');
CREATE TABLE analytics.daily_sales_2026 PARTITION OF analytics.daily_sales
    FOR VALUES FROM ('2026-01-01') TO ('2027-01-01');

CREATE TABLE analytics.search_queries (
    tenant_id bigint NOT NULL,
    query text NOT NULL,
    results integer NOT NULL,
    searched_at timestamptz NOT NULL DEFAULT now()
) PARTITION BY LIST (lower(left(query, 1)));
CREATE TABLE analytics.search_queries_am PARTITION OF analytics.search_queries
    FOR VALUES IN ('a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j', 'k', 'l', 'm');
CREATE TABLE analytics.search_queries_rest PARTITION OF analytics.search_queries DEFAULT;
