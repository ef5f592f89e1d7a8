CREATE SCHEMA "Sales Dept";
