-- Storage set to the type's own default compares equal to none set: only b changes.
CREATE TABLE t (id int PRIMARY KEY, a text, b text);
