-- The lines of import_line always belong to the import whose job stores them (its row is written
-- before the job starts). The foreign key's check of each stored line (a look-up and a row lock of
-- the import's row) cost more than half of the read step's insert time on PostgreSQL: 100 000
-- lines took 2.2 s with it, 0.9 s without. The application never deletes an import; whoever does
-- deletes its lines first. (H2, the embedded database, keeps the key: its name is generated.)
${postgres_only} ALTER TABLE import_line DROP CONSTRAINT import_line_import_id_fkey;
