-- Products, variants, stock.

CREATE TABLE catalog.brands (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id bigint NOT NULL REFERENCES core.tenants ON DELETE CASCADE,
    name text NOT NULL,
    slug text NOT NULL DEFAULT '' ,
    UNIQUE (tenant_id, slug)
);

CREATE TABLE catalog.categories (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id bigint NOT NULL REFERENCES core.tenants ON DELETE CASCADE,
    parent_id bigint REFERENCES catalog.categories ON DELETE SET NULL,
    name text NOT NULL,
    slug text NOT NULL CONSTRAINT categories_slug_check CHECK (core.is_slug(slug)),
    position integer NOT NULL DEFAULT 0,
    UNIQUE (tenant_id, parent_id, slug)
);

CREATE TABLE catalog.products (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id bigint NOT NULL REFERENCES core.tenants ON DELETE CASCADE,
    brand_id bigint REFERENCES catalog.brands ON DELETE SET NULL,
    title text NOT NULL,
    slug text GENERATED ALWAYS AS (core.slugify(title)) STORED,
    description text,
    attributes jsonb NOT NULL DEFAULT '{}',
    published_at timestamptz,
    archived boolean NOT NULL DEFAULT false,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX products_tenant_published_idx ON catalog.products (tenant_id, published_at DESC NULLS LAST)
    WHERE NOT archived;
CREATE INDEX products_attributes_idx ON catalog.products USING gin (attributes jsonb_path_ops);
CREATE INDEX products_title_search_idx ON catalog.products
    USING gin (to_tsvector('simple'::regconfig, title));

CREATE TABLE catalog.product_categories (
    product_id bigint NOT NULL REFERENCES catalog.products ON DELETE CASCADE,
    category_id bigint NOT NULL REFERENCES catalog.categories ON DELETE CASCADE,
    PRIMARY KEY (product_id, category_id)
);

CREATE TABLE catalog.variants (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    product_id bigint NOT NULL REFERENCES catalog.products ON DELETE CASCADE,
    sku catalog.sku NOT NULL,
    name text,
    price_cents core.money_cents,
    compare_at_cents bigint,
    weight_grams integer CHECK (weight_grams > 0),
    options jsonb NOT NULL DEFAULT '{}',
    CONSTRAINT variants_compare_above_price CHECK (compare_at_cents IS NULL OR compare_at_cents > price_cents)
);
CREATE UNIQUE INDEX variants_sku_key ON catalog.variants (sku);

CREATE TABLE catalog.product_images (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    product_id bigint NOT NULL REFERENCES catalog.products ON DELETE CASCADE,
    url text NOT NULL,
    alt text,
    position smallint NOT NULL DEFAULT 0
);

CREATE TABLE catalog.warehouses (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id bigint NOT NULL REFERENCES core.tenants ON DELETE CASCADE,
    code text NOT NULL,
    address_id bigint REFERENCES core.addresses,
    UNIQUE (tenant_id, code)
);

CREATE TABLE catalog.stock_levels (
    variant_id bigint NOT NULL REFERENCES catalog.variants ON DELETE CASCADE,
    warehouse_id bigint NOT NULL REFERENCES catalog.warehouses ON DELETE CASCADE,
    on_hand integer NOT NULL DEFAULT 0,
    reserved integer NOT NULL DEFAULT 0,
    available integer GENERATED ALWAYS AS (on_hand - reserved) STORED,
    version integer NOT NULL DEFAULT 1,
    PRIMARY KEY (variant_id, warehouse_id),
    CONSTRAINT stock_reserved_le_on_hand CHECK (reserved <= on_hand)
);

CREATE TABLE catalog.stock_movements (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    variant_id bigint NOT NULL,
    warehouse_id bigint NOT NULL,
    delta integer NOT NULL CHECK (delta <> 0),
    reason text NOT NULL,
    at timestamptz NOT NULL DEFAULT now(),
    FOREIGN KEY (variant_id, warehouse_id) REFERENCES catalog.stock_levels ON DELETE CASCADE
        DEFERRABLE INITIALLY DEFERRED
);

CREATE TABLE catalog.price_lists (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id bigint NOT NULL REFERENCES core.tenants ON DELETE CASCADE,
    name text NOT NULL,
    currency char(3) NOT NULL,
    valid_during tstzrange NOT NULL,
    -- one price list at a time per name (gist needs no extension for a range alone)
    EXCLUDE USING gist (valid_during WITH &&) WHERE (name = 'default')
);

CREATE TABLE catalog.price_list_entries (
    price_list_id bigint NOT NULL REFERENCES catalog.price_lists ON DELETE CASCADE,
    variant_id bigint NOT NULL REFERENCES catalog.variants ON DELETE CASCADE,
    price_cents bigint NOT NULL CHECK (price_cents >= 0),
    PRIMARY KEY (price_list_id, variant_id)
);

CREATE TABLE catalog.collections (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id bigint NOT NULL REFERENCES core.tenants ON DELETE CASCADE,
    title text NOT NULL,
    rules jsonb
);

CREATE TABLE catalog.collection_products (
    collection_id bigint NOT NULL REFERENCES catalog.collections ON DELETE CASCADE,
    product_id bigint NOT NULL REFERENCES catalog.products ON DELETE CASCADE,
    position integer NOT NULL DEFAULT 0,
    PRIMARY KEY (collection_id, product_id)
);

CREATE TABLE catalog.reviews (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    product_id bigint NOT NULL REFERENCES catalog.products ON DELETE CASCADE,
    customer_id bigint,
    rating smallint NOT NULL CHECK (rating BETWEEN 1 AND 5),
    body text,
    created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE catalog.tags (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id bigint NOT NULL REFERENCES core.tenants ON DELETE CASCADE,
    label text NOT NULL COLLATE "C",
    UNIQUE NULLS NOT DISTINCT (tenant_id, label)
);

CREATE TABLE catalog.product_tags (
    product_id bigint NOT NULL REFERENCES catalog.products ON DELETE CASCADE,
    tag_id bigint NOT NULL REFERENCES catalog.tags ON DELETE CASCADE,
    PRIMARY KEY (product_id, tag_id)
);
