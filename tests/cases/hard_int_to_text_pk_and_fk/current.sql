CREATE TABLE cust (id int PRIMARY KEY);
CREATE TABLE cust_order (id int PRIMARY KEY, cust_id int REFERENCES cust);
INSERT INTO cust VALUES (7); INSERT INTO cust_order VALUES (1, 7);
