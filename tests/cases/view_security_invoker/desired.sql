create table t(id int primary key, a text, b int); create view v with (security_invoker = true) as select id from t;
