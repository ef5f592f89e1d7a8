CREATE SCHEMA billing;
CREATE TABLE billing.invoice (id int PRIMARY KEY, total numeric);
CREATE TABLE public.invoice_line (id int PRIMARY KEY, invoice_id int REFERENCES billing.invoice);
CREATE VIEW billing.invoice_sum AS SELECT id, total FROM billing.invoice;
