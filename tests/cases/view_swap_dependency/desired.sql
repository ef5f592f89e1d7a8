create table t(id int primary key, a text, b int); create table u(id int, a text); create view v as select id, a from u;
