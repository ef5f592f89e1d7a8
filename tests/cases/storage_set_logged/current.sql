CREATE UNLOGGED TABLE staging (id int GENERATED ALWAYS AS IDENTITY PRIMARY KEY, payload text);
INSERT INTO staging (payload) SELECT 'p' || g FROM generate_series(1, 20) g;
