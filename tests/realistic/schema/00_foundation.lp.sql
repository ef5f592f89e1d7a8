-- A multi-tenant commerce SaaS ("shopfront"): schemas, enums, domains and the helper
-- functions that defaults, checks, generated columns and policies call. Functions come
-- first: tables declared later use them.

CREATE SCHEMA core;
CREATE SCHEMA catalog;
CREATE SCHEMA sales;
CREATE SCHEMA billing;
CREATE SCHEMA ops;
CREATE SCHEMA analytics;
COMMENT ON SCHEMA analytics IS 'Append-only event data, partitioned by time';

CREATE TYPE core.plan_tier AS ENUM ('free', 'starter', 'growth', 'enterprise');
CREATE TYPE core.member_role AS ENUM ('owner', 'admin', 'staff', 'viewer');
CREATE TYPE sales.order_status AS ENUM (
    'draft', 'placed', 'paid', 'packed', 'shipped', 'delivered', 'cancelled', 'refunded'
);
CREATE TYPE sales.payment_state AS ENUM ('pending', 'authorized', 'captured', 'failed', 'voided');
CREATE TYPE billing.invoice_status AS ENUM ('open', 'paid', 'void', 'uncollectible');
CREATE TYPE ops.ticket_priority AS ENUM ('low', 'normal', 'high', 'urgent');
CREATE TYPE analytics.event_source AS ENUM ('web', 'ios', 'android', 'api', 'import');

CREATE DOMAIN core.email AS text
    CONSTRAINT email_shape CHECK (VALUE ~ '^[^@\s]+@[^@\s]+\.[^@\s]+$');
CREATE DOMAIN core.money_cents AS bigint NOT NULL DEFAULT 0
    CONSTRAINT money_not_negative CHECK (VALUE >= 0);
CREATE DOMAIN core.country_code AS char(2)
    CONSTRAINT country_upper CHECK (VALUE ~ '^[A-Z]{2}$');
CREATE DOMAIN catalog.sku AS text
    CONSTRAINT sku_shape CHECK (VALUE ~ '^[A-Z0-9][A-Z0-9-]{2,31}$');

-- The tenant of the current session, set by the application with
-- SET app.tenant_id = '...'; policies compare rows against it.
CREATE FUNCTION core.current_tenant() RETURNS bigint
    LANGUAGE sql STABLE
    AS $$ SELECT nullif(current_setting('app.tenant_id', true), '')::bigint $$;

CREATE FUNCTION core.slugify(input text) RETURNS text
    LANGUAGE sql IMMUTABLE STRICT
    AS $$ SELECT trim(both '-' from regexp_replace(lower(input), '[^a-z0-9]+', '-', 'g')) $$;

CREATE FUNCTION core.is_slug(value text) RETURNS boolean
    LANGUAGE sql IMMUTABLE
    AS $$ SELECT value ~ '^[a-z0-9]+(-[a-z0-9]+)*$' $$;

CREATE FUNCTION core.short_code(prefix text) RETURNS text
    LANGUAGE sql VOLATILE
    AS $$ SELECT prefix || '-' || upper(substr(md5(random()::text), 1, 8)) $$;

CREATE FUNCTION sales.tax_cents(net bigint, rate_bp integer) RETURNS bigint
    LANGUAGE sql IMMUTABLE
    AS $$ SELECT (net * rate_bp + 5000) / 10000 $$;

CREATE FUNCTION core.touch_updated_at() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
    NEW.updated_at := now();
    RETURN NEW;
END
$$;

CREATE FUNCTION ops.write_audit() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
    INSERT INTO ops.audit_log (table_name, action, row_data)
    VALUES (TG_TABLE_SCHEMA || '.' || TG_TABLE_NAME, TG_OP,
            to_jsonb(CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END));
    RETURN NULL;
END
$$;

CREATE FUNCTION sales.check_order_total() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
    IF (SELECT coalesce(sum(quantity * unit_price_cents), 0) FROM sales.order_lines
        WHERE order_id = NEW.id) > NEW.total_cents + 1 THEN
        RAISE EXCEPTION 'order % lines exceed its total', NEW.id;
    END IF;
    RETURN NULL;
END
$$;

CREATE FUNCTION catalog.bump_stock_version() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
    NEW.version := OLD.version + 1;
    RETURN NEW;
END
$$;
