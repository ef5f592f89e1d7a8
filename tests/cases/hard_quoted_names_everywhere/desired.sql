CREATE SCHEMA "Sales Dept";
CREATE TYPE "Sales Dept"."Order Status" AS ENUM ('New', 'Paid ✓', 'it''s');
CREATE SEQUENCE "Sales Dept"."Order#Seq";
CREATE TABLE "Sales Dept"."Order" (
  "Id" bigint DEFAULT nextval('"Sales Dept"."Order#Seq"') PRIMARY KEY,
  "select" text, "from" int CHECK ("from" > 0), "Größe" numeric,
  "Status" "Sales Dept"."Order Status" NOT NULL DEFAULT 'New',
  "user" text);
CREATE INDEX "Order Größe idx" ON "Sales Dept"."Order" ("Größe") WHERE "Status" <> 'it''s';
CREATE VIEW "Sales Dept"."Paid Orders" AS SELECT "Id", "select" FROM "Sales Dept"."Order" WHERE "Status" = 'Paid ✓';
CREATE FUNCTION "Sales Dept"."Order Count"("Min" int) RETURNS bigint LANGUAGE sql STABLE BEGIN ATOMIC SELECT count(*) FROM "Sales Dept"."Order" WHERE "from" >= "Min"; END;
ALTER TABLE "Sales Dept"."Order" ENABLE ROW LEVEL SECURITY;
CREATE POLICY "Own Rows" ON "Sales Dept"."Order" USING ("user" = current_user);
COMMENT ON COLUMN "Sales Dept"."Order"."select" IS 'a "reserved" word';
