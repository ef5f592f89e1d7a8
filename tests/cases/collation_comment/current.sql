CREATE COLLATION c1 (locale = 'C.utf8');
CREATE COLLATION c2 (locale = 'C');
COMMENT ON COLLATION c2 IS 'old words';
