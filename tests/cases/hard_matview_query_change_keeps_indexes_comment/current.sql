CREATE TABLE hit (id int PRIMARY KEY, url text, at timestamptz);
CREATE MATERIALIZED VIEW hit_daily AS SELECT url, at::date AS day, count(*) AS n FROM hit GROUP BY 1, 2;
CREATE UNIQUE INDEX hit_daily_key ON hit_daily (url, day);
CREATE INDEX hit_daily_day ON hit_daily (day DESC);
COMMENT ON MATERIALIZED VIEW hit_daily IS 'daily';
COMMENT ON INDEX hit_daily_day IS 'by day';
