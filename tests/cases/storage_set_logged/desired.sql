CREATE TABLE staging (id int GENERATED ALWAYS AS IDENTITY PRIMARY KEY, payload text)
    WITH (fillfactor = 50);
