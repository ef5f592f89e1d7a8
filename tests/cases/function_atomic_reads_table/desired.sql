create table t(id int primary key, a text, b int); create function total() returns bigint language sql stable begin atomic select sum(b) from public.t; end;
