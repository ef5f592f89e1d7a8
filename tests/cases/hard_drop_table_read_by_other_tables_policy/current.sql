CREATE TABLE acl (doc_id int, who text);
CREATE TABLE doc (id int PRIMARY KEY, owner text);
ALTER TABLE doc ENABLE ROW LEVEL SECURITY;
CREATE POLICY doc_read ON doc USING (owner = current_user OR EXISTS (SELECT 1 FROM acl WHERE acl.doc_id = doc.id AND acl.who = current_user));
