CREATE COLLATION c1 (locale = 'C.utf8');
COMMENT ON COLLATION c1 IS 'for names';
CREATE COLLATION c2 (locale = 'C');
