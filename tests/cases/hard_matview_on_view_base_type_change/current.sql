CREATE TABLE ev (id int PRIMARY KEY, kind varchar(20), at timestamp);
CREATE VIEW ev_v AS SELECT id, kind, at FROM ev;
CREATE MATERIALIZED VIEW ev_daily AS SELECT kind, date_trunc('day', at) AS day, count(*) AS n FROM ev_v GROUP BY 1, 2;
CREATE UNIQUE INDEX ev_daily_key ON ev_daily (kind, day);
