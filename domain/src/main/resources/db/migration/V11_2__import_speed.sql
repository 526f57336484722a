-- The refused lines of an import, in file order: its report (GET /api/v1/imports/{id}, polled
-- while it runs) reads the first of them, which otherwise meant reading every line of the import.
CREATE INDEX import_line_refused_idx ON import_line (import_id, line) ${only_refused_lines};
