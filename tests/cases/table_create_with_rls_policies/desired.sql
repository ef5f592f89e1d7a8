CREATE TABLE docs (id int, owner name NOT NULL DEFAULT current_user, body text);
ALTER TABLE docs ENABLE ROW LEVEL SECURITY;
ALTER TABLE docs FORCE ROW LEVEL SECURITY;
CREATE POLICY owner_reads ON docs FOR SELECT USING (owner = current_user);
CREATE POLICY owner_writes ON docs FOR INSERT WITH CHECK (owner = current_user);
