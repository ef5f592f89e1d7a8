CREATE TABLE cust (id text PRIMARY KEY);
CREATE TABLE ordr (id int PRIMARY KEY, cust_id text CONSTRAINT ordr_cust_fk REFERENCES cust, price bigint, qty int,
  note text, total bigint GENERATED ALWAYS AS (price * qty) STORED);
CREATE INDEX ordr_note_lower ON ordr (lower(note));
ALTER TABLE ordr ENABLE ROW LEVEL SECURITY;
CREATE POLICY ordr_pol ON ordr USING (note IS DISTINCT FROM 'hidden');
CREATE VIEW ordr_v AS SELECT id, note FROM ordr;
COMMENT ON CONSTRAINT ordr_cust_fk ON ordr IS 'fk comment';
COMMENT ON COLUMN ordr.total IS 'computed';
COMMENT ON INDEX ordr_note_lower IS 'ci search';
COMMENT ON POLICY ordr_pol ON ordr IS 'hide';
COMMENT ON VIEW ordr_v IS 'view comment';
