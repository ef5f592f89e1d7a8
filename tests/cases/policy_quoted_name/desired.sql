CREATE TABLE docs (id int, owner text, public boolean); ALTER TABLE docs ENABLE ROW LEVEL SECURITY;CREATE POLICY "Owner Can ""Read""" ON docs FOR SELECT USING (owner = current_user);
