create table t(id int primary key, a text, b int); create function note() returns trigger language plpgsql as $$ begin return null; end $$;
