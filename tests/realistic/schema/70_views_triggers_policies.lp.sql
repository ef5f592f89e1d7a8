-- Read models, triggers and row-level security.

CREATE VIEW catalog.published_products AS
    SELECT p.id, p.tenant_id, p.title, p.slug, b.name AS brand, p.published_at
    FROM catalog.products p
    LEFT JOIN catalog.brands b ON b.id = p.brand_id
    WHERE p.published_at IS NOT NULL AND NOT p.archived;

CREATE VIEW catalog.variant_stock AS
    SELECT v.id AS variant_id, v.sku, sum(s.available) AS available
    FROM catalog.variants v
    LEFT JOIN catalog.stock_levels s ON s.variant_id = v.id
    GROUP BY v.id, v.sku;

CREATE VIEW catalog.low_stock WITH (security_barrier = true) AS
    SELECT vs.variant_id, vs.sku, vs.available
    FROM catalog.variant_stock vs
    WHERE vs.available < 5;

CREATE VIEW sales.open_orders AS
    SELECT o.id, o.tenant_id, o.number, o.status, o.total_cents, c.email AS customer_email
    FROM sales.orders o
    LEFT JOIN sales.customers c ON c.id = o.customer_id
    WHERE o.status IN ('placed', 'paid', 'packed');

CREATE VIEW sales.order_totals AS
    SELECT l.order_id, count(*) AS lines, sum(l.line_total_cents) AS lines_cents
    FROM sales.order_lines l
    GROUP BY l.order_id;

CREATE VIEW core.my_memberships AS
    SELECT m.tenant_id, m.user_id, m.role
    FROM core.memberships m
    WHERE m.tenant_id = core.current_tenant()
    WITH CASCADED CHECK OPTION;

CREATE MATERIALIZED VIEW analytics.monthly_revenue AS
    SELECT tenant_id, date_trunc('month', day)::date AS month,
           sum(orders) AS orders, sum(revenue_cents) AS revenue_cents
    FROM analytics.daily_sales
    GROUP BY tenant_id, date_trunc('month', day)::date;
CREATE UNIQUE INDEX monthly_revenue_key ON analytics.monthly_revenue (tenant_id, month);

CREATE MATERIALIZED VIEW catalog.product_ratings AS
    SELECT product_id, count(*) AS reviews, round(avg(rating), 2) AS rating
    FROM catalog.reviews
    GROUP BY product_id;

-- A function that reads tables, checked by PostgreSQL at creation (BEGIN ATOMIC).
CREATE FUNCTION sales.customer_lifetime_cents(customer bigint) RETURNS bigint
    LANGUAGE sql STABLE
    BEGIN ATOMIC
        SELECT coalesce(sum(total_cents), 0)::bigint FROM sales.orders
        WHERE customer_id = customer AND status NOT IN ('cancelled', 'refunded');
    END;

CREATE PROCEDURE ops.purge_sessions(older_than interval)
    LANGUAGE sql
    BEGIN ATOMIC
        DELETE FROM core.sessions WHERE last_seen_at < now() - older_than;
    END;

CREATE TRIGGER tenants_touch BEFORE UPDATE ON core.tenants
    FOR EACH ROW EXECUTE FUNCTION core.touch_updated_at();
CREATE TRIGGER users_touch BEFORE UPDATE ON core.users
    FOR EACH ROW EXECUTE FUNCTION core.touch_updated_at();
CREATE TRIGGER products_touch BEFORE UPDATE ON catalog.products
    FOR EACH ROW EXECUTE FUNCTION core.touch_updated_at();
CREATE TRIGGER customers_touch BEFORE UPDATE ON sales.customers
    FOR EACH ROW EXECUTE FUNCTION core.touch_updated_at();
CREATE TRIGGER orders_touch BEFORE UPDATE ON sales.orders
    FOR EACH ROW EXECUTE FUNCTION core.touch_updated_at();
CREATE TRIGGER stock_version BEFORE UPDATE OF on_hand, reserved ON catalog.stock_levels
    FOR EACH ROW WHEN (OLD.on_hand IS DISTINCT FROM NEW.on_hand OR OLD.reserved IS DISTINCT FROM NEW.reserved)
    EXECUTE FUNCTION catalog.bump_stock_version();
CREATE TRIGGER orders_audit AFTER INSERT OR UPDATE OR DELETE ON sales.orders
    FOR EACH ROW EXECUTE FUNCTION ops.write_audit();
CREATE TRIGGER payments_audit AFTER INSERT OR UPDATE ON sales.payments
    FOR EACH ROW EXECUTE FUNCTION ops.write_audit();
CREATE TRIGGER memberships_audit AFTER INSERT OR DELETE ON core.memberships
    FOR EACH STATEMENT EXECUTE FUNCTION ops.write_audit();
-- On a partitioned table: PostgreSQL clones it onto every partition.
CREATE TRIGGER usage_audit AFTER INSERT ON billing.usage_records
    FOR EACH ROW EXECUTE FUNCTION ops.write_audit();
CREATE CONSTRAINT TRIGGER orders_total_matches AFTER INSERT OR UPDATE ON sales.orders
    DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW EXECUTE FUNCTION sales.check_order_total();
COMMENT ON TRIGGER orders_total_matches ON sales.orders IS 'Checked at commit: lines are written after the order';

ALTER TABLE catalog.products ENABLE ROW LEVEL SECURITY;
CREATE POLICY products_tenant ON catalog.products
    USING (tenant_id = core.current_tenant())
    WITH CHECK (tenant_id = core.current_tenant());

ALTER TABLE sales.customers ENABLE ROW LEVEL SECURITY;
ALTER TABLE sales.customers FORCE ROW LEVEL SECURITY;
CREATE POLICY customers_tenant ON sales.customers
    USING (tenant_id = core.current_tenant());

ALTER TABLE sales.orders ENABLE ROW LEVEL SECURITY;
CREATE POLICY orders_tenant ON sales.orders
    USING (tenant_id = core.current_tenant());
CREATE POLICY orders_no_delete_paid ON sales.orders AS RESTRICTIVE FOR DELETE
    USING (status IN ('draft', 'cancelled'));

ALTER TABLE billing.invoices ENABLE ROW LEVEL SECURITY;
CREATE POLICY invoices_tenant_read ON billing.invoices FOR SELECT
    USING (tenant_id = core.current_tenant());

ALTER TABLE ops.tickets ENABLE ROW LEVEL SECURITY;
CREATE POLICY tickets_tenant ON ops.tickets
    USING (tenant_id = core.current_tenant());
COMMENT ON POLICY tickets_tenant ON ops.tickets IS 'Support staff see only the tenant they act for';
