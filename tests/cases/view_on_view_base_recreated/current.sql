create table t(id int primary key, a text, b int); create view v1 as select id, a from t; create view v2 as select id, upper(a) as ua from v1; create view v3 as select count(*) as n from v2;
