CREATE TABLE team (id int PRIMARY KEY);
CREATE TABLE membership (team_id int REFERENCES team, member name);
CREATE TABLE project (id int PRIMARY KEY, team_id int REFERENCES team);
ALTER TABLE project ENABLE ROW LEVEL SECURITY;
ALTER TABLE project FORCE ROW LEVEL SECURITY;
CREATE POLICY project_member ON project FOR SELECT TO PUBLIC USING (EXISTS (SELECT 1 FROM membership m WHERE m.team_id = project.team_id AND m.member = current_user));
CREATE POLICY project_write ON project AS RESTRICTIVE FOR UPDATE TO CURRENT_USER USING (true) WITH CHECK (team_id IS NOT NULL);
