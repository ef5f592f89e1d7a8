CREATE TABLE members (team int, usr text);
CREATE TABLE docs (team int, body text);
ALTER TABLE docs ENABLE ROW LEVEL SECURITY;
CREATE POLICY team_only ON docs USING (EXISTS (SELECT 1 FROM members m WHERE m.team = docs.team AND m.usr = current_user));
