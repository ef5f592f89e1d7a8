create table t(id int primary key, a text, b int); create materialized view m as select id, b from t; create index m_b on m(b desc);
