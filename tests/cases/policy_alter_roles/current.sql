CREATE TABLE docs (id int, owner text, public boolean); ALTER TABLE docs ENABLE ROW LEVEL SECURITY;CREATE POLICY readers ON docs FOR SELECT USING (public);
