CREATE SCHEMA "Shop";
CREATE TABLE "Shop"."Line Item" ("Id" int PRIMARY KEY, "Unit Price" numeric(10,2) NOT NULL, "qty" int NOT NULL,
  "Owner" text, "Tag""s" text, "Total" numeric(12,2) GENERATED ALWAYS AS ("Unit Price" * "qty") STORED);
CREATE INDEX "Line Item big" ON "Shop"."Line Item" ("Id") WHERE "Unit Price" > 100;
CREATE INDEX "Line Item tag" ON "Shop"."Line Item" (lower("Tag""s"));
ALTER TABLE "Shop"."Line Item" ENABLE ROW LEVEL SECURITY;
CREATE POLICY "Owner Only" ON "Shop"."Line Item" USING ("Owner" = current_user AND "Unit Price" >= 0);
