CREATE SCHEMA "Shop";
CREATE TABLE "Shop"."Line Item" ("Id" int PRIMARY KEY, "Unit Price" int NOT NULL, "qty" int NOT NULL,
  "Owner" text, "Tag""s" varchar(10), "Total" int GENERATED ALWAYS AS ("Unit Price" * "qty") STORED);
CREATE INDEX "Line Item big" ON "Shop"."Line Item" ("Id") WHERE "Unit Price" > 100;
CREATE INDEX "Line Item tag" ON "Shop"."Line Item" (lower("Tag""s"));
ALTER TABLE "Shop"."Line Item" ENABLE ROW LEVEL SECURITY;
CREATE POLICY "Owner Only" ON "Shop"."Line Item" USING ("Owner" = current_user AND "Unit Price" >= 0);
