CREATE TABLE notes (id int PRIMARY KEY, body text, CONSTRAINT body_len CHECK (length(body) < 1000));
COMMENT ON TABLE notes IS 'User notes';
COMMENT ON COLUMN notes.body IS 'Markdown';
COMMENT ON CONSTRAINT body_len ON notes IS 'keep it short';
