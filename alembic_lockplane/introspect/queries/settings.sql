-- Canonical rendering for this transaction only (is_local = true): an empty search_path
-- makes format_type, pg_get_expr, pg_get_indexdef and pg_get_constraintdef schema-qualify
-- every user object; the other settings fix how constants inside defaults and checks print
-- (dates, intervals, floats, bytea, string escapes, time zone).
SELECT
    set_config('search_path', '', true),
    set_config('quote_all_identifiers', 'off', true),
    set_config('standard_conforming_strings', 'on', true),
    set_config('DateStyle', 'ISO, MDY', true),
    set_config('IntervalStyle', 'postgres', true),
    set_config('TimeZone', 'UTC', true),
    set_config('extra_float_digits', '1', true),
    set_config('bytea_output', 'hex', true)
