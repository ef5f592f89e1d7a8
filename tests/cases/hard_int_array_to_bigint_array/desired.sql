CREATE TABLE tagged (id int PRIMARY KEY, tag_ids bigint[] NOT NULL DEFAULT '{}');
CREATE INDEX tagged_tags ON tagged USING gin (tag_ids);
