-- Recipients are listed by last and then first name regardless of case and accents, whatever the
-- database's collation: by a key the application keeps with the name (PersonName.sortKey). Rows
-- written before get a lower-case key here, and the full one the next time their name is written.
ALTER TABLE recipient ADD COLUMN sort_name VARCHAR(400);
UPDATE recipient SET sort_name = LOWER(TRIM(last_name)) || ' ' || LOWER(TRIM(first_name));
ALTER TABLE recipient ALTER COLUMN sort_name SET NOT NULL;
DROP INDEX recipient_name_idx;
CREATE INDEX recipient_sort_idx ON recipient (site_id, sort_name, id);
