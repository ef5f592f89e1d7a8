CREATE TABLE z (id int);
CREATE VIEW consts AS SELECT 1 AS one, 'x'::text AS ex, now() AS ts;
CREATE VIEW z_plus AS SELECT z.id, c.one FROM z CROSS JOIN consts c;
