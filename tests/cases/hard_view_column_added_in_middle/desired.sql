CREATE TABLE p (id int PRIMARY KEY, a text, b text, c text);
CREATE VIEW pv AS SELECT id, a, b, c FROM p;
CREATE VIEW pvv AS SELECT id, c FROM pv;
