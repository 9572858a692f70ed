-- +goose Up
-- A signed verbale never changes, so its outcome counts are kept on the
-- inspection: the typology analysis sums 50,000 rows, not 1.7 million
-- answers.
ALTER TABLE inspections ADD COLUMN conforming INTEGER NOT NULL DEFAULT 0;
ALTER TABLE inspections ADD COLUMN partial INTEGER NOT NULL DEFAULT 0;
ALTER TABLE inspections ADD COLUMN non_conforming INTEGER NOT NULL DEFAULT 0;
UPDATE inspections SET
    conforming = (SELECT COUNT(*) FROM inspection_answers a WHERE a.inspection_id = inspections.id AND a.result = 'conforming'),
    partial = (SELECT COUNT(*) FROM inspection_answers a WHERE a.inspection_id = inspections.id AND a.result = 'partial'),
    non_conforming = (SELECT COUNT(*) FROM inspection_answers a WHERE a.inspection_id = inspections.id AND a.result = 'non_conforming')
WHERE signed_at IS NOT NULL OR state IN ('signed', 'follow_up', 'closed');

-- +goose Down
ALTER TABLE inspections DROP COLUMN non_conforming;
ALTER TABLE inspections DROP COLUMN partial;
ALTER TABLE inspections DROP COLUMN conforming;
