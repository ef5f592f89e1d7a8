CREATE TABLE accounts (id int NOT NULL, region text NOT NULL, name text DEFAULT 'x', CHECK (id > 0)) PARTITION BY LIST (region);
CREATE TABLE accounts_eu PARTITION OF accounts FOR VALUES IN ('de', 'fr');
CREATE TABLE accounts_us PARTITION OF accounts FOR VALUES IN ('us');
CREATE TABLE accounts_other PARTITION OF accounts DEFAULT;
