CREATE TABLE sale6 (id int PRIMARY KEY, region text, amt numeric);
CREATE FUNCTION region_totals(min_amt numeric DEFAULT 0) RETURNS TABLE (region text, total numeric) LANGUAGE sql STABLE
  BEGIN ATOMIC SELECT region, sum(amt) FROM sale6 WHERE amt >= min_amt GROUP BY region; END;
CREATE VIEW region_totals_v AS SELECT * FROM region_totals();
