create table t(id int primary key, a text, b int); create table u(id int); create view v as select t.id, u.id as uid from t join u using (id);
