create function trg() returns trigger language plpgsql as $$ begin new.b := coalesce(new.b, 0); return new; end $$;
