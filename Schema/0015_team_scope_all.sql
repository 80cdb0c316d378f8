-- Every account-owned table carries its account's team, as touchpoint and participant have
-- since 0014: the pipeline report as a manager still cost 1.16× the admin's at 20,000
-- accounts, the rest of it spent in `account_id IN (SELECT id FROM account)` on deals,
-- stakeholders, roles, stage history and pain points. One rule for every table is also the
-- simpler one to reason about: a row is visible to a rep or manager when its team_id is theirs.
--
-- Same mechanics as 0014, for each table of this schema with account_id and no team_id yet
-- (the audit log aside: it is append-only, and its rows keep the look-up policy):
-- the column, filled from the account without auditing; the BEFORE INSERT OR UPDATE trigger
-- that sets it from the account whatever the writer sent; the audit of updates skipping
-- changes of team_id alone. team_scope_move (below) moves every such table's rows with the
-- account.
-- dchain_secure_schema (run after every migration) then gives each the team_id policy.

DO $m$
DECLARE
    t record;
BEGIN
    FOR t IN
        SELECT c.oid::regclass AS rel, c.relname
        FROM pg_class c
        WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind = 'r'
          AND c.relname NOT IN ('account', 'audit_log', 'audit_undo')
          AND EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname = 'account_id' AND NOT a.attisdropped)
          AND NOT EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname = 'team_id' AND NOT a.attisdropped)
        ORDER BY c.relname
    LOOP
        EXECUTE format('ALTER TABLE %s ADD COLUMN team_id bigint', t.rel);
        IF EXISTS (SELECT 1 FROM pg_trigger WHERE tgrelid = t.rel AND tgname = 'audit') THEN
            EXECUTE format('ALTER TABLE %s DISABLE TRIGGER audit', t.rel);
            EXECUTE format('UPDATE %s x SET team_id = a.team_id FROM account a WHERE a.id = x.account_id AND a.team_id IS NOT NULL', t.rel);
            EXECUTE format('DROP TRIGGER audit ON %s', t.rel);
            EXECUTE format('CREATE TRIGGER audit AFTER INSERT OR DELETE ON %s FOR EACH ROW EXECUTE FUNCTION audit_row()', t.rel);
            EXECUTE format('CREATE TRIGGER audit_update AFTER UPDATE ON %s FOR EACH ROW '
                           'WHEN ((to_jsonb(OLD) - ''team_id'') IS DISTINCT FROM (to_jsonb(NEW) - ''team_id'')) '
                           'EXECUTE FUNCTION audit_row()', t.rel);
        ELSE
            EXECUTE format('UPDATE %s x SET team_id = a.team_id FROM account a WHERE a.id = x.account_id AND a.team_id IS NOT NULL', t.rel);
        END IF;
        EXECUTE format('CREATE TRIGGER team_scope BEFORE INSERT OR UPDATE ON %s FOR EACH ROW EXECUTE FUNCTION team_scope_row()', t.rel);
    END LOOP;
END $m$;

-- An account changing team takes the rows of every table that carries team_id along. (A new
-- function rather than a replaced team_scope_follow: that one may belong to whoever first
-- migrated the database, and a later migration runs as dchain_owner.)
CREATE FUNCTION team_scope_move() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER AS $$
DECLARE
    rel regclass;
BEGIN
    FOR rel IN
        SELECT c.oid::regclass FROM pg_class c
        WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind = 'r' AND c.relname <> 'account'
          AND EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname = 'account_id' AND NOT a.attisdropped)
          AND EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname = 'team_id' AND NOT a.attisdropped)
    LOOP
        EXECUTE format('UPDATE %s SET team_id = $1 WHERE account_id = $2 AND team_id IS DISTINCT FROM $1', rel)
            USING NEW.team_id, NEW.id;
    END LOOP;
    RETURN NULL;
END $$;

DO $fn$
BEGIN
    EXECUTE format('ALTER FUNCTION team_scope_move() SET search_path = %I, pg_catalog, pg_temp', current_schema());
END $fn$;

DROP TRIGGER team_scope ON account;
CREATE TRIGGER team_scope AFTER UPDATE OF team_id ON account FOR EACH ROW
    WHEN (OLD.team_id IS DISTINCT FROM NEW.team_id) EXECUTE FUNCTION team_scope_move();

-- The login's team, read by every policy: PARALLEL SAFE (it only reads), so a manager's report
-- gets the parallel plans an admin's does. Left unsafe, the InitPlan that calls it kept every
-- policy-filtered statement serial: 1.12× the admin's time at 20,000 accounts.
ALTER FUNCTION dchain_my_team() PARALLEL SAFE;
DO $fn$
BEGIN
    ALTER FUNCTION dchain_persona_team() PARALLEL SAFE;
    DROP FUNCTION team_scope_follow();
EXCEPTION WHEN insufficient_privilege THEN
    RAISE NOTICE 'dchain_persona_team() stays PARALLEL UNSAFE and team_scope_follow() stays (unused): they belong to another role';
END $fn$;
