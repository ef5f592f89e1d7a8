CREATE TABLE prefs (id int PRIMARY KEY, langs varchar(5)[] NOT NULL DEFAULT ARRAY['en', 'fr']::varchar(5)[],
  flag boolean GENERATED ALWAYS AS (langs && ARRAY['de']::varchar[]) STORED);
