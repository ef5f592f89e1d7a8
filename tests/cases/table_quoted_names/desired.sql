CREATE TABLE "User Table" (
    "Order" int,
    "select" text,
    "a""b" text,
    "CamelCase" boolean DEFAULT true,
    "user" int UNIQUE
);
