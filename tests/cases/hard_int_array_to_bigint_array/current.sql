CREATE TABLE tagged (id int PRIMARY KEY, tag_ids int[] NOT NULL DEFAULT '{}');
CREATE INDEX tagged_tags ON tagged USING gin (tag_ids);
INSERT INTO tagged VALUES (1, '{1,2}');
