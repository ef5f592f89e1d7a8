CREATE FUNCTION tenant() RETURNS bigint LANGUAGE sql STABLE AS $$ SELECT 1::bigint $$;
CREATE TABLE docs (id int PRIMARY KEY, tenant_id int);
ALTER TABLE docs ENABLE ROW LEVEL SECURITY;
CREATE POLICY docs_tenant ON docs USING (tenant_id = public.tenant());
