CREATE TABLE team (id int PRIMARY KEY);
CREATE TABLE membership (team_id int REFERENCES team, member name);
CREATE TABLE project (id int PRIMARY KEY, team_id int REFERENCES team);
