create table t(id int primary key, a text, b int); create view v as select id, a from t;
