CREATE TABLE t (id int, code text COLLATE "C"); COMMENT ON COLUMN t.code IS 'short code';
