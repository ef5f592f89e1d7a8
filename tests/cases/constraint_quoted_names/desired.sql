CREATE TABLE "Tbl" ("Col" int CONSTRAINT "Col Must ""Be"" Positive" CHECK ("Col" > 0), CONSTRAINT "unique" UNIQUE ("Col"));
