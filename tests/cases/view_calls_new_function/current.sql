create table t(id int primary key, a text, b int);
