CREATE TYPE phase AS ENUM ('plan', 'build', 'ship', 'retired');
CREATE TABLE proj (id int PRIMARY KEY, ph phase NOT NULL);
CREATE VIEW proj_v AS SELECT id, ph FROM proj;
