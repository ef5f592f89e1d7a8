create table t(id int primary key, a text, b int); create view v1 as select id, a, b from t; create view v2 as select id, a from v1; create view v3 as select a from v2;
