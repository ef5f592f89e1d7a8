CREATE SCHEMA rpt;
CREATE TABLE public.sale2 (id int PRIMARY KEY, region varchar(10), amt int);
CREATE MATERIALIZED VIEW rpt.by_region AS SELECT region, sum(amt) AS total FROM public.sale2 GROUP BY region;
CREATE UNIQUE INDEX by_region_key ON rpt.by_region (region);
COMMENT ON MATERIALIZED VIEW rpt.by_region IS 'nightly';
