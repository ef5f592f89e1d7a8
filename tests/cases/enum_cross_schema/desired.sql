CREATE SCHEMA types; CREATE SCHEMA app;
CREATE TYPE types.level AS ENUM ('low', 'high');
CREATE TABLE app.alerts (id int, level types.level DEFAULT 'low');
