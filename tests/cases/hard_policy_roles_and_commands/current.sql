CREATE TABLE msg (id int PRIMARY KEY, sender name DEFAULT current_user, body text);
ALTER TABLE msg ENABLE ROW LEVEL SECURITY;
CREATE POLICY msg_all ON msg USING (sender = current_user);
