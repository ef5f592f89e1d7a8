CREATE SCHEMA legacy;
CREATE TYPE legacy.st AS ENUM ('a');
CREATE TABLE legacy.t (id int PRIMARY KEY, s legacy.st);
CREATE TABLE public.keep (id int PRIMARY KEY, legacy_id int REFERENCES legacy.t);
CREATE VIEW public.keep_v AS SELECT k.id, t.s FROM public.keep k JOIN legacy.t t ON t.id = k.legacy_id;
