-- 0010: a touchpoint's id in the system it came from (a CRM export, a spreadsheet's row id),
-- so `dchain import` matches a touchpoint it has seen before and importing the same file twice
-- adds nothing. Unique per account (the key holds account_id, as every key of an account-owned
-- table does); NULL for touchpoints logged in dchain, and never blank.
ALTER TABLE touchpoint ADD COLUMN external_id text CHECK (btrim(external_id) <> '');
ALTER TABLE touchpoint ADD CONSTRAINT touchpoint_external_id_key UNIQUE (account_id, external_id);

-- A deleted touchpoint keeps its external id in the trash, and gets it back on restore
-- (trash_touchpoint and restore_touchpoint copy the columns by name).
ALTER TABLE touchpoint_trash ADD COLUMN external_id text;
