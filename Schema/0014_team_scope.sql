-- The two high-volume tables (touchpoint, participant) carry their account's team, so their
-- row-level security policy is one integer comparison per row instead of a look-up in the
-- (itself filtered) account table: the pipeline report as a manager cost 1.34× the admin's at
-- 20,000 accounts with `account_id IN (SELECT id FROM account)`, and the planner, which has no
-- statistics behind such a filter, halved every row estimate below it.
--
-- The copy cannot drift: a trigger sets team_id from the account on every insert and update
-- (whatever the writer sent: it cannot be spoofed), and changing an account's team moves its
-- rows along in the same transaction. Neither kind of change is a user's edit, so neither is
-- audited as one. Other account-owned tables keep the look-up policy (see docs/scaling.md).

ALTER TABLE touchpoint ADD COLUMN team_id bigint;
ALTER TABLE participant ADD COLUMN team_id bigint;

-- Existing rows: filled without auditing (this is the schema's bookkeeping, not an edit).
ALTER TABLE touchpoint DISABLE TRIGGER audit;
ALTER TABLE participant DISABLE TRIGGER audit;
UPDATE touchpoint t SET team_id = a.team_id FROM account a WHERE a.id = t.account_id AND a.team_id IS NOT NULL;
UPDATE participant p SET team_id = a.team_id FROM account a WHERE a.id = p.account_id AND a.team_id IS NOT NULL;
ALTER TABLE touchpoint ENABLE TRIGGER audit;
ALTER TABLE participant ENABLE TRIGGER audit;

-- team_id is the account's, always. SECURITY DEFINER so the account is found whoever writes;
-- the policy's WITH CHECK then refuses a row whose account belongs to another team.
CREATE FUNCTION team_scope_row() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER AS $$
BEGIN
    SELECT a.team_id INTO NEW.team_id FROM account a WHERE a.id = NEW.account_id;
    RETURN NEW;
END $$;

-- An account changing team takes its touchpoints and participants along.
CREATE FUNCTION team_scope_follow() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER AS $$
BEGIN
    UPDATE touchpoint SET team_id = NEW.team_id WHERE account_id = NEW.id;
    UPDATE participant SET team_id = NEW.team_id WHERE account_id = NEW.id;
    RETURN NULL;
END $$;

DO $fn$
BEGIN
    EXECUTE format('ALTER FUNCTION team_scope_row() SET search_path = %I, pg_catalog, pg_temp', current_schema());
    EXECUTE format('ALTER FUNCTION team_scope_follow() SET search_path = %I, pg_catalog, pg_temp', current_schema());
END $fn$;

CREATE TRIGGER team_scope BEFORE INSERT OR UPDATE ON touchpoint FOR EACH ROW EXECUTE FUNCTION team_scope_row();
CREATE TRIGGER team_scope BEFORE INSERT OR UPDATE ON participant FOR EACH ROW EXECUTE FUNCTION team_scope_row();
CREATE TRIGGER team_scope AFTER UPDATE OF team_id ON account FOR EACH ROW
    WHEN (OLD.team_id IS DISTINCT FROM NEW.team_id) EXECUTE FUNCTION team_scope_follow();

-- The audit of updates skips changes of team_id alone (they follow the account's audited change).
DROP TRIGGER audit ON touchpoint;
DROP TRIGGER audit ON participant;
CREATE TRIGGER audit AFTER INSERT OR DELETE ON touchpoint FOR EACH ROW EXECUTE FUNCTION audit_row();
CREATE TRIGGER audit AFTER INSERT OR DELETE ON participant FOR EACH ROW EXECUTE FUNCTION audit_row();
CREATE TRIGGER audit_update AFTER UPDATE ON touchpoint FOR EACH ROW
    WHEN ((to_jsonb(OLD) - 'team_id') IS DISTINCT FROM (to_jsonb(NEW) - 'team_id')) EXECUTE FUNCTION audit_row();
CREATE TRIGGER audit_update AFTER UPDATE ON participant FOR EACH ROW
    WHEN ((to_jsonb(OLD) - 'team_id') IS DISTINCT FROM (to_jsonb(NEW) - 'team_id')) EXECUTE FUNCTION audit_row();

-- Policies: a table that carries team_id is filtered by it; the rest by their account.
CREATE OR REPLACE FUNCTION dchain_secure_table(rel regclass) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
    workspace boolean := current_schema() LIKE 'ws\_%';
    by_team boolean := EXISTS (SELECT 1 FROM pg_attribute a
                               WHERE a.attrelid = rel AND a.attname = 'team_id' AND NOT a.attisdropped);
    p record;
BEGIN
    EXECUTE format('ALTER TABLE %s ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY', rel);
    FOR p IN SELECT polname FROM pg_policy WHERE polrelid = rel AND polname LIKE 'dchain\_%' LOOP
        EXECUTE format('DROP POLICY %I ON %s', p.polname, rel);
    END LOOP;
    IF workspace THEN
        -- A workspace is guarded by its schema's privileges: who may enter sees it all.
        EXECUTE format('CREATE POLICY dchain_workspace ON %s USING (true) WITH CHECK (true)', rel);
        RETURN;
    END IF;
    EXECUTE format('CREATE POLICY dchain_all ON %s TO dchain_owner, dchain_admin USING (true) WITH CHECK (true)', rel);
    IF by_team THEN
        -- (SELECT ...) makes the login's team an InitPlan: looked up once per statement.
        EXECUTE format('CREATE POLICY dchain_team ON %s TO dchain_rep, dchain_manager '
                       'USING (team_id = (SELECT dchain_my_team())) WITH CHECK (team_id = (SELECT dchain_my_team()))', rel);
    ELSE
        -- Everything hanging off an account is visible exactly when the account is.
        EXECUTE format('CREATE POLICY dchain_team ON %s TO dchain_rep, dchain_manager '
                       'USING (account_id IN (SELECT id FROM account)) WITH CHECK (account_id IN (SELECT id FROM account))', rel);
    END IF;
END $$;
