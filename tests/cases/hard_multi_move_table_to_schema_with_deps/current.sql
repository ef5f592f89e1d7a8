CREATE TABLE public.invoice (id int PRIMARY KEY, total numeric);
CREATE TABLE public.invoice_line (id int PRIMARY KEY, invoice_id int REFERENCES public.invoice);
CREATE VIEW public.invoice_sum AS SELECT id, total FROM public.invoice;
