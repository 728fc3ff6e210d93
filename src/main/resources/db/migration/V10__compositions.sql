-- A composed video (a slideshow) keeps the plan it is composed from: its images, times, transitions, title and
-- music, as JSON. Null for uploaded videos.
ALTER TABLE video ADD COLUMN composition MEDIUMTEXT NULL;
