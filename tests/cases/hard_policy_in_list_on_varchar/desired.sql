CREATE TABLE note (id int PRIMARY KEY, visibility varchar(10));
ALTER TABLE note ENABLE ROW LEVEL SECURITY;
CREATE POLICY note_visible ON note FOR SELECT USING (visibility IN ('public', 'team'));
