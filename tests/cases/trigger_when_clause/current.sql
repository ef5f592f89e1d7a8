create table t(id int primary key, a text, b int); create function trg() returns trigger language plpgsql as $$ begin new.b := coalesce(new.b, 0); return new; end $$;
