CREATE TABLE docs (id int, owner text); ALTER TABLE docs ENABLE ROW LEVEL SECURITY; CREATE POLICY p ON docs USING (owner = current_user);
