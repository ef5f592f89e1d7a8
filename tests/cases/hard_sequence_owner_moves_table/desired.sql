CREATE SEQUENCE order_no_seq;
CREATE TABLE orders (id int PRIMARY KEY DEFAULT nextval('order_no_seq'));
ALTER SEQUENCE order_no_seq OWNED BY orders.id;
