-- A message rendered when it is sent rather than when it is queued: the import's welcome messages
-- name their template, and the PIN they announce is read from its key (sealed there already) at
-- sending time; their body columns stay empty (a sealed HTML and text body was some 3 KB a resident).
ALTER TABLE notification ADD COLUMN template VARCHAR(20);
ALTER TABLE notification ALTER COLUMN body_enc DROP NOT NULL;
