create table t(id int primary key, a text); create view v as select id, a from t;
