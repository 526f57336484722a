-- An import whose server stopped half-way is resumed by another instance (or by its own after a
-- restart): which instance runs it and when it last showed progress, the last step it finished
-- (a resumed run skips the steps before it), and how many runs it took.
ALTER TABLE recipient_import ADD COLUMN run_owner VARCHAR(200);
ALTER TABLE recipient_import ADD COLUMN heartbeat_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE recipient_import ADD COLUMN done_step VARCHAR(20);
ALTER TABLE recipient_import ADD COLUMN runs INTEGER NOT NULL DEFAULT 1;
CREATE INDEX recipient_import_status_idx ON recipient_import (status);

-- The daily import from each site's drop folder: one run per site and local day, claimed by the
-- first instance that inserts its row.
CREATE TABLE import_schedule_run (
    site_id    BIGINT       NOT NULL REFERENCES site (id),
    local_date DATE         NOT NULL,
    claimed_at TIMESTAMP WITH TIME ZONE NOT NULL,
    claimed_by VARCHAR(200) NOT NULL,
    PRIMARY KEY (site_id, local_date)
);
