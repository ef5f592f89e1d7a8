CREATE TABLE evt (id bigserial PRIMARY KEY, v text);
