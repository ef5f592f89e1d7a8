CREATE TABLE "Docs" ("OwnerName" text); ALTER TABLE "Docs" ENABLE ROW LEVEL SECURITY;
CREATE POLICY "Owner" ON "Docs" USING ("OwnerName" = current_user);
