CREATE TABLE payload (id int PRIMARY KEY, data jsonb NOT NULL DEFAULT '{}');
CREATE INDEX payload_data ON payload USING gin (data);
