create table t(id int primary key, a text, b int); create function add1(x int) returns int language sql immutable as $$ select x + 1 $$; create materialized view m as select id, add1(b) as c from t;
