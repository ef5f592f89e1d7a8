CREATE TABLE nm (id int PRIMARY KEY, name text, owner text, up text GENERATED ALWAYS AS (upper(name)) STORED);
CREATE INDEX nm_lower ON nm (lower(name));
CREATE INDEX nm_part ON nm (id) WHERE name > 'm';
ALTER TABLE nm ENABLE ROW LEVEL SECURITY;
CREATE POLICY nm_pol ON nm USING (name <> 'secret' AND owner = current_user);
