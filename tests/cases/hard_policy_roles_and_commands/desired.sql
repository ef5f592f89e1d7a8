CREATE TABLE msg (id int PRIMARY KEY, sender name DEFAULT current_user, body text);
ALTER TABLE msg ENABLE ROW LEVEL SECURITY;
CREATE POLICY msg_all ON msg FOR SELECT TO PUBLIC USING (true);
CREATE POLICY msg_ins ON msg FOR INSERT TO CURRENT_USER, pg_read_all_data WITH CHECK (sender = current_user);
CREATE POLICY msg_del ON msg AS RESTRICTIVE FOR DELETE TO SESSION_USER USING (sender = session_user);
