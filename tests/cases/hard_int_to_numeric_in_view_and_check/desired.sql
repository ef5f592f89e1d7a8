CREATE TABLE line (id int PRIMARY KEY, qty numeric(10,3) CHECK (qty > 0), price numeric(12,2));
CREATE VIEW line_total AS SELECT id, qty * price AS total FROM line;
