-- The apply step's progress: lines up to this one were applied by a committed transaction (its
-- counts with them). A line the file leaves unchanged is counted, not marked: an unchanged
-- re-import writes nothing per line. A resumed run applies the lines after it.
ALTER TABLE recipient_import ADD COLUMN applied_through BIGINT NOT NULL DEFAULT 0;
