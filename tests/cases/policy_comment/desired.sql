CREATE TABLE docs (id int, owner text, public boolean); ALTER TABLE docs ENABLE ROW LEVEL SECURITY;CREATE POLICY p ON docs USING (public); COMMENT ON POLICY p ON docs IS 'visible docs';
