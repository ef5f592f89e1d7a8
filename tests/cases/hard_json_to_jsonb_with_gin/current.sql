CREATE TABLE payload (id int PRIMARY KEY, data json);
INSERT INTO payload VALUES (1, '{"a": 1}');
