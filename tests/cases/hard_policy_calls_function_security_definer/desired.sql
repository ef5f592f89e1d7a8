CREATE TABLE member5 (team int, who name);
CREATE FUNCTION my_teams() RETURNS SETOF int LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public AS $$ SELECT team FROM public.member5 WHERE who = current_user $$;
CREATE TABLE doc5 (id int PRIMARY KEY, team int);
ALTER TABLE doc5 ENABLE ROW LEVEL SECURITY;
CREATE POLICY doc5_team ON doc5 USING (team IN (SELECT my_teams()));
