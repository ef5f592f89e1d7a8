CREATE TABLE public.keep (id int PRIMARY KEY, legacy_id int);
CREATE VIEW public.keep_v AS SELECT k.id FROM public.keep k;
