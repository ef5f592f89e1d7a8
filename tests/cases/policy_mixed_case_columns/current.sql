CREATE TABLE "Docs" ("OwnerName" text);
