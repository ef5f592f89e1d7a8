CREATE TABLE cust (id text PRIMARY KEY);
CREATE TABLE cust_order (id int PRIMARY KEY, cust_id text REFERENCES cust);
