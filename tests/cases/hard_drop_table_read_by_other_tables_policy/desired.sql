CREATE TABLE doc (id int PRIMARY KEY, owner text);
ALTER TABLE doc ENABLE ROW LEVEL SECURITY;
CREATE POLICY doc_read ON doc USING (owner = current_user);
