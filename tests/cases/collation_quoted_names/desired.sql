CREATE COLLATION "Mixed Case" (lc_collate = 'C', lc_ctype = 'C.utf8');
COMMENT ON COLLATION "Mixed Case" IS 'it''s quoted';
CREATE TABLE "Things" ("Id" int, "Label" text COLLATE "Mixed Case");
CREATE INDEX "Things label" ON "Things" ("Label" COLLATE "Mixed Case" DESC);
