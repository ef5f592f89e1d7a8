CREATE TABLE grp_member (grp_id int, member text);
CREATE TABLE file (id int PRIMARY KEY, grp_id int);
ALTER TABLE file ENABLE ROW LEVEL SECURITY;
CREATE POLICY file_read ON file FOR SELECT USING (grp_id IN (SELECT grp_id FROM grp_member WHERE member = current_user));
