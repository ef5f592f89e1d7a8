create table t(id int primary key, a text, b bigint); create view v1 as select id, b from t; create view v2 as select id, b + 1 as c from v1;
