create schema app; create table t(id int primary key, a text, b int); create view app."Weird View" as select id from public.t;
