create table t(id int primary key, a text, b int); create table u(x int); create view v as select x from u;
