create table t(id int primary key, a text, b int); create view v with (security_barrier) as select id from t;
