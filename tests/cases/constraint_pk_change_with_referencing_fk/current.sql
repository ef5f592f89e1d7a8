CREATE TABLE p (id int NOT NULL, alt int, CONSTRAINT p_pkey PRIMARY KEY (id));
CREATE TABLE c (p_id int REFERENCES p (id));
