CREATE TABLE cc (id int PRIMARY KEY, code char(2) CHECK (code IN ('AA', 'BB')));
CREATE INDEX cc_code ON cc (id) WHERE code IN ('AA', 'BB');
