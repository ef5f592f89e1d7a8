CREATE TABLE pr (id int PRIMARY KEY, price bigint, unit_price int, price_eur int GENERATED ALWAYS AS (unit_price * 2) STORED);
CREATE INDEX pr_up ON pr (id) WHERE unit_price > 0;
