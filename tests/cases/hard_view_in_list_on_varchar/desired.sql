CREATE TABLE ord (id int PRIMARY KEY, state varchar(10));
CREATE VIEW open_ord AS SELECT id FROM ord WHERE state IN ('new', 'paid');
