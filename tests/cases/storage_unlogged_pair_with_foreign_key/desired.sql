-- An unlogged table may reference a logged one, and another unlogged one.
CREATE TABLE owners (id int PRIMARY KEY);
CREATE UNLOGGED TABLE scratch (id int PRIMARY KEY, owner_id int REFERENCES owners);
CREATE UNLOGGED TABLE scratch_items (
    id int GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    scratch_id int REFERENCES scratch
) WITH (autovacuum_enabled = off);
