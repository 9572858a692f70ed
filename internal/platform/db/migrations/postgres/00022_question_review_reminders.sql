-- +goose Up
-- When the validators were reminded that a published answer's review-by
-- date had come: once per answer version, so the daily job does not repeat
-- itself.
ALTER TABLE question_answers ADD COLUMN review_reminded_on TIMESTAMP;

-- +goose Down
ALTER TABLE question_answers DROP COLUMN review_reminded_on;
