CREATE TABLE "Big Table" ("Key" int); CREATE INDEX "Big Table ""Key"" idx" ON "Big Table" ("Key");
