-- The Recipients search (RecipientService.search: last name, "first last", unit, email or resident
-- id, case-insensitive, names and emails by prefix) reads indexes instead of every recipient of the
-- site: each branch of its OR has an index of the same expression, so PostgreSQL combines them
-- (BitmapOr). At a site of 100 000 recipients a search by name read the whole table (110 ms);
-- it now reads the matching rows only. text_pattern_ops: LIKE 'x%' whatever the collation.
-- (H2, the developers' embedded database, has no expression indexes: these lines are comments there.)
${postgres_only} CREATE INDEX recipient_last_name_search_idx ON recipient (site_id, LOWER(last_name) text_pattern_ops);
${postgres_only} CREATE INDEX recipient_full_name_search_idx ON recipient (site_id, LOWER((first_name || ' ') || last_name) text_pattern_ops);
${postgres_only} CREATE INDEX recipient_unit_search_idx ON recipient (site_id, LOWER(unit));
${postgres_only} CREATE INDEX recipient_external_id_search_idx ON recipient (site_id, LOWER(external_id));
-- the email index also serves prefixes (= works on text_pattern_ops too)
${postgres_only} DROP INDEX recipient_email_idx;
${postgres_only} CREATE INDEX recipient_email_idx ON recipient (site_id, email text_pattern_ops);
