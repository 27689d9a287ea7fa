-- 适老模式 (elderly-friendly display): NULL until the user chooses, then the choice follows the
-- user to every browser they log in from. Anonymous visitors keep theirs in a cookie only.
ALTER TABLE account ADD COLUMN elderly_mode boolean;
COMMENT ON COLUMN account.elderly_mode IS '适老模式: NULL = not chosen (the browser''s choice stands)';
