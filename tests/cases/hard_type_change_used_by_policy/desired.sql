CREATE TABLE doc (id int PRIMARY KEY, owner_id bigint NOT NULL, body text);
ALTER TABLE doc ENABLE ROW LEVEL SECURITY;
CREATE POLICY doc_owner ON doc USING (owner_id = current_setting('app.user_id')::bigint);
