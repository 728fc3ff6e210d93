-- The node whose media volume holds a resumable upload's bytes: another node that is asked to go on with the
-- upload fetches them from there first (or answers with the offset of what it has).
ALTER TABLE resumable_upload ADD COLUMN node VARCHAR(50);
