-- Customers, carts, orders, payments, fulfilment.

CREATE TABLE sales.customers (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id bigint NOT NULL REFERENCES core.tenants ON DELETE CASCADE,
    email core.email NOT NULL,
    full_name text,
    phone text,
    accepts_marketing boolean NOT NULL DEFAULT false,
    default_address_id bigint REFERENCES core.addresses ON DELETE SET NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    UNIQUE (tenant_id, email)
);

ALTER TABLE catalog.reviews
    ADD CONSTRAINT reviews_customer_fk FOREIGN KEY (customer_id)
    REFERENCES sales.customers ON DELETE SET NULL;

CREATE TABLE sales.customer_notes (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    customer_id bigint NOT NULL REFERENCES sales.customers ON DELETE CASCADE,
    author_id bigint REFERENCES core.users,
    body text NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE sales.carts (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    tenant_id bigint NOT NULL REFERENCES core.tenants ON DELETE CASCADE,
    customer_id bigint REFERENCES sales.customers ON DELETE SET NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    expires_at timestamptz NOT NULL DEFAULT now() + interval '30 days'
);

CREATE TABLE sales.cart_items (
    cart_id uuid NOT NULL REFERENCES sales.carts ON DELETE CASCADE,
    variant_id bigint NOT NULL REFERENCES catalog.variants ON DELETE CASCADE,
    quantity integer NOT NULL CHECK (quantity > 0),
    added_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (cart_id, variant_id)
);

CREATE TABLE sales.discounts (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id bigint NOT NULL REFERENCES core.tenants ON DELETE CASCADE,
    code text NOT NULL,
    percent_off numeric(5, 2) CHECK (percent_off > 0 AND percent_off <= 100),
    amount_off_cents bigint CHECK (amount_off_cents > 0),
    starts_at timestamptz NOT NULL DEFAULT now(),
    ends_at timestamptz,
    max_uses integer,
    CONSTRAINT discounts_one_kind CHECK ((percent_off IS NULL) <> (amount_off_cents IS NULL)),
    UNIQUE (tenant_id, code)
);

CREATE SEQUENCE sales.order_number_seq AS integer START WITH 1000 INCREMENT BY 1 CACHE 10;

CREATE TABLE sales.orders (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id bigint NOT NULL REFERENCES core.tenants ON DELETE CASCADE,
    number integer NOT NULL DEFAULT nextval('sales.order_number_seq'),
    customer_id bigint REFERENCES sales.customers ON DELETE SET NULL,
    status sales.order_status NOT NULL DEFAULT 'draft',
    currency char(3) NOT NULL DEFAULT 'EUR',
    subtotal_cents bigint NOT NULL DEFAULT 0,
    tax_rate_bp integer NOT NULL DEFAULT 2000,
    tax_cents bigint GENERATED ALWAYS AS (sales.tax_cents(subtotal_cents, tax_rate_bp)) STORED,
    shipping_cents bigint NOT NULL DEFAULT 0,
    total_cents bigint NOT NULL DEFAULT 0,
    discount_id bigint REFERENCES sales.discounts,
    shipping_address_id bigint REFERENCES core.addresses,
    placed_at timestamptz,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    UNIQUE (tenant_id, number),
    CONSTRAINT orders_placed_when_not_draft CHECK (status = 'draft' OR placed_at IS NOT NULL)
);
ALTER SEQUENCE sales.order_number_seq OWNED BY sales.orders.number;
CREATE INDEX orders_customer_idx ON sales.orders (customer_id, created_at DESC);
CREATE INDEX orders_open_idx ON sales.orders (tenant_id, status)
    WHERE status IN ('placed', 'paid', 'packed');

CREATE TABLE sales.order_lines (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    order_id bigint NOT NULL REFERENCES sales.orders ON DELETE CASCADE,
    variant_id bigint REFERENCES catalog.variants ON DELETE SET NULL,
    title text NOT NULL,
    quantity integer NOT NULL CHECK (quantity > 0),
    unit_price_cents bigint NOT NULL CHECK (unit_price_cents >= 0),
    line_total_cents bigint GENERATED ALWAYS AS (quantity * unit_price_cents) STORED
);
CREATE INDEX order_lines_order_idx ON sales.order_lines (order_id) INCLUDE (quantity);

CREATE TABLE sales.order_status_history (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    order_id bigint NOT NULL REFERENCES sales.orders ON DELETE CASCADE,
    from_status sales.order_status,
    to_status sales.order_status NOT NULL,
    changed_at timestamptz NOT NULL DEFAULT now(),
    changed_by bigint REFERENCES core.users
);

CREATE TABLE sales.payments (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    order_id bigint NOT NULL REFERENCES sales.orders ON DELETE RESTRICT,
    state sales.payment_state NOT NULL DEFAULT 'pending',
    provider text NOT NULL,
    provider_ref text,
    amount_cents core.money_cents,
    created_at timestamptz NOT NULL DEFAULT now(),
    UNIQUE (provider, provider_ref)
);

CREATE TABLE sales.refunds (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    payment_id bigint NOT NULL REFERENCES sales.payments ON DELETE RESTRICT,
    amount_cents bigint NOT NULL CHECK (amount_cents > 0),
    reason text,
    created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE sales.shipments (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    order_id bigint NOT NULL REFERENCES sales.orders ON DELETE CASCADE,
    warehouse_id bigint REFERENCES catalog.warehouses,
    carrier text,
    tracking_number text,
    shipped_at timestamptz,
    delivered_at timestamptz,
    CONSTRAINT shipments_delivered_after_shipped
        CHECK (delivered_at IS NULL OR delivered_at >= shipped_at)
);

CREATE TABLE sales.shipment_lines (
    shipment_id bigint NOT NULL REFERENCES sales.shipments ON DELETE CASCADE,
    order_line_id bigint NOT NULL REFERENCES sales.order_lines ON DELETE CASCADE,
    quantity integer NOT NULL CHECK (quantity > 0),
    PRIMARY KEY (shipment_id, order_line_id)
);

CREATE TABLE sales.returns (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    order_id bigint NOT NULL REFERENCES sales.orders ON DELETE CASCADE,
    rma text NOT NULL DEFAULT core.short_code('RMA'),
    reason text,
    received_at timestamptz
);

CREATE TABLE sales.gift_cards (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id bigint NOT NULL REFERENCES core.tenants ON DELETE CASCADE,
    code text NOT NULL UNIQUE DEFAULT core.short_code('GC'),
    initial_cents core.money_cents,
    balance_cents bigint NOT NULL,
    expires_on date,
    CHECK (balance_cents >= 0)
);

CREATE TABLE sales.wishlists (
    customer_id bigint NOT NULL REFERENCES sales.customers ON DELETE CASCADE,
    variant_id bigint NOT NULL REFERENCES catalog.variants ON DELETE CASCADE,
    added_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (customer_id, variant_id)
);

CREATE TABLE sales.order_history (
    order_id bigint NOT NULL,
    change jsonb NOT NULL
) INHERITS (core.audit_base);
