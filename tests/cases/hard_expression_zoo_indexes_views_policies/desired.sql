CREATE TABLE zoo2 (id int PRIMARY KEY, s varchar(20), t text, n numeric, ts timestamptz, js jsonb, arr int[]);
CREATE INDEX zoo2_a ON zoo2 ((s || '-' || t)) WHERE s NOT IN ('x', 'y');
CREATE INDEX zoo2_b ON zoo2 ((js ->> 'k'), (js -> 'o' ->> 'p')) WHERE js ? 'k' AND n BETWEEN -1 AND 1;
CREATE INDEX zoo2_c ON zoo2 (date_trunc('hour', ts AT TIME ZONE 'UTC'), (coalesce(n, -1)));
CREATE INDEX zoo2_d ON zoo2 (id) WHERE arr && '{1,2}' AND s::text LIKE 'a%' AND t = ANY (ARRAY['p', 'q']);
CREATE INDEX zoo2_e ON zoo2 ((CASE WHEN n > 0 THEN 'pos' WHEN n < 0 THEN 'neg' ELSE 'zero' END));
CREATE VIEW zoo2_v AS SELECT id, s, CASE WHEN s IN ('a', 'b') THEN 1 ELSE 0 END AS flag, n::int AS ni, -n AS neg,
  ts AT TIME ZONE 'UTC' AS utc, js #>> '{a,b}' AS ab, arr[1] AS first, (SELECT count(*) FROM zoo2 z WHERE z.s = zoo2.s) AS same,
  s BETWEEN 'a' AND 'm' AND t BETWEEN 'a' AND 'z' AS ranged
  FROM zoo2 WHERE s NOT IN ('hidden') AND n IS NOT NULL ORDER BY id DESC NULLS LAST LIMIT 100;
ALTER TABLE zoo2 ENABLE ROW LEVEL SECURITY;
CREATE POLICY zoo2_p ON zoo2 USING (s IN ('pub', 'shared') OR t = current_user) WITH CHECK (n BETWEEN 0 AND 100 AND s NOT IN ('x'));
