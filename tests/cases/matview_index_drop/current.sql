create table t(id int primary key, a text, b int); create materialized view m as select id, b from t; create unique index m_id on m(id);
