-- Value types and privileges. Grants name PUBLIC and PostgreSQL's predefined roles only, so
-- the schema loads on any server without creating roles.

-- A postal address as one value: the shipping label keeps the address as it was printed.
CREATE TYPE sales.postal_address AS (
    line1 text,
    line2 text,
    city text,
    postal_code text,
    country char(2)
);
COMMENT ON TYPE sales.postal_address IS 'address as printed on a label';

CREATE TYPE catalog.dimensions AS (
    length_mm integer,
    width_mm integer,
    height_mm integer,
    weight_g integer
);

-- Price validity windows and service hours.
CREATE TYPE billing.money_range AS RANGE (subtype = bigint);
CREATE TYPE ops.time_window AS RANGE (subtype = time);

CREATE TABLE sales.shipping_labels (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    shipment_id bigint NOT NULL REFERENCES sales.shipments ON DELETE CASCADE,
    ship_to sales.postal_address NOT NULL,
    parcel catalog.dimensions,
    printed_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX shipping_labels_country ON sales.shipping_labels (((ship_to).country));

CREATE TABLE billing.volume_tiers (
    plan_code text NOT NULL REFERENCES billing.plans ON DELETE CASCADE,
    units billing.money_range NOT NULL,
    unit_price_cents bigint NOT NULL CHECK (unit_price_cents >= 0),
    PRIMARY KEY (plan_code, units)
);

CREATE TABLE ops.support_hours (
    weekday smallint NOT NULL CHECK (weekday BETWEEN 1 AND 7),
    open ops.time_window NOT NULL,
    PRIMARY KEY (weekday, open)
);

-- Monitoring may read the operational tables and the analytics schema, nothing else.
GRANT USAGE ON SCHEMA ops, analytics TO pg_monitor;
GRANT SELECT ON ops.jobs, ops.email_outbox, ops.rate_limits TO pg_monitor;
GRANT SELECT ON ALL TABLES IN SCHEMA analytics TO pg_monitor;
GRANT SELECT (id, priority, opened_at) ON ops.tickets TO pg_monitor;

-- Reporting reads the published catalogue and order totals.
GRANT USAGE ON SCHEMA catalog, sales TO pg_read_all_stats;
GRANT SELECT ON catalog.published_products, catalog.variant_stock TO pg_read_all_stats;
GRANT SELECT ON sales.order_totals TO pg_read_all_stats;

-- Functions run with the caller's rights; the slug helpers are for everyone, the tax
-- calculation is not.
REVOKE EXECUTE ON FUNCTION sales.tax_cents(bigint, integer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION sales.tax_cents(bigint, integer) TO pg_monitor;
GRANT USAGE ON TYPE sales.postal_address TO pg_read_all_stats;
