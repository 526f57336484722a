-- One import at a time per site. Two imports of a site running at once (a drop-folder file and an
-- upload, say) would each compare the file with residents the other is changing, and two full
-- imports would each move out what the other brings in, in an order that depends on timing.
-- A site's row here names the import that has (or last had) its turn; an import takes the turn
-- when that one has ended and no older import of the site waits, and until then waits
-- (recipient_import.waiting_for names the import it waits for). Nothing releases a turn: an
-- ended import holds none.
CREATE TABLE import_turn (
    site_id   BIGINT                   PRIMARY KEY REFERENCES site (id),
    import_id BIGINT                   NOT NULL,
    taken_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
ALTER TABLE recipient_import ADD COLUMN waiting_for BIGINT;
