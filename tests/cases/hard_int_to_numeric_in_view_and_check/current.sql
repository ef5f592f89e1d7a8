CREATE TABLE line (id int PRIMARY KEY, qty int CHECK (qty > 0), price int);
CREATE VIEW line_total AS SELECT id, qty * price AS total FROM line;
