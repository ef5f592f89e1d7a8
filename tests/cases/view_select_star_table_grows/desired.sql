create table t(id int primary key, a text, b int, c int); create view v as select * from t;
