-- Pages of keys and recipients are filled to 90 % (PostgreSQL; H2 has no fill factor), so that an
-- update that changes no indexed column finds room on its row's page and writes no index entry
-- (a "HOT" update): a key deactivated (a move-out, an import's moved-out resident, a PIN
-- regenerated) or used, a recipient's remembered import line. An import fills pages in bulk;
-- filled to the brim, each of those updates wrote a new entry into every index of its table
-- (measured: 2 000 keys deactivated in 375 ms, 168 ms with room). Pages written before this
-- migration keep their fill until they are rewritten.
${postgres_only} ALTER TABLE access_key SET (fillfactor = 90);
${postgres_only} ALTER TABLE recipient SET (fillfactor = 90);
