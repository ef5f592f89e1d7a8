create table t(id int primary key, a text); create view v1 as select id, a from t; create view v2 as select id, a from v1; create view v3 as select a from v2;
