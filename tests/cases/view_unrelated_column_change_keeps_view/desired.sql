create table t(id int primary key, a text, b bigint); create view v as select id, a from t;
