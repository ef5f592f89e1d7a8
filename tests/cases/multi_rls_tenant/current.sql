CREATE TABLE accounts (id int PRIMARY KEY); CREATE TABLE invoices (id int PRIMARY KEY, amount numeric);
