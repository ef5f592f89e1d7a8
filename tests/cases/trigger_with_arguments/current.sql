create table t(id int primary key, a text, b int); create function tag() returns trigger language plpgsql as $$ begin return new; end $$;
