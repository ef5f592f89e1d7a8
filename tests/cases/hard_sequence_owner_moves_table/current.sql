CREATE TABLE old_orders (id int PRIMARY KEY);
CREATE SEQUENCE order_no_seq OWNED BY old_orders.id;
CREATE TABLE orders (id int PRIMARY KEY DEFAULT nextval('order_no_seq'));
