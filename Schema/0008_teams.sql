-- Teams on one shared server: the tables belong to a NOLOGIN owner role, people log in as
-- PostgreSQL roles that are members of group roles, row-level security is enabled and FORCED
-- on every table with account_id (and on account), and the audit names the login
-- (session_user), which no client setting can change.
--
-- Roles are cluster-wide while this file runs once per database and per workspace schema:
-- every CREATE ROLE is guarded. The first run in a database needs a superuser (or a role
-- with CREATEROLE that may SET ROLE dchain_owner); later migrations run as dchain_owner.
--
--   dchain_owner    NOLOGIN, owns the live tables; migrations SET ROLE to it
--   dchain_admin    sees and changes every team's accounts; manages users and teams
--   dchain_manager  reads and writes the accounts of their own team (reports cover the team)
--   dchain_rep      reads and writes the accounts of their own team
--   dchain_trainer  sees no live account; works in case workspaces (schemas ws_*)
--   dchain_usermgr  NOLOGIN CREATEROLE; owns the few SECURITY DEFINER functions that create
--                   and change dchain logins (only dchain_admin may execute them)
--
-- An account with no team is the admin's until assigned. Account names and codes stay
-- globally unique on purpose: two teams must not chase one account unknowingly.

DO $roles$
DECLARE
    r text;
BEGIN
    FOREACH r IN ARRAY ARRAY['dchain_owner', 'dchain_rep', 'dchain_manager', 'dchain_trainer', 'dchain_admin'] LOOP
        IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = r) THEN
            BEGIN
                EXECUTE format('CREATE ROLE %I NOLOGIN', r);
            EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;  -- another database made it meanwhile
            END;
        END IF;
    END LOOP;
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'dchain_usermgr') THEN
        BEGIN
            CREATE ROLE dchain_usermgr NOLOGIN CREATEROLE;
        EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
        END;
    END IF;
    -- PostgreSQL 16+ lets a CREATEROLE role grant only the roles it administers.
    FOREACH r IN ARRAY ARRAY['dchain_rep', 'dchain_manager', 'dchain_trainer', 'dchain_admin'] LOOP
        BEGIN
            EXECUTE format('GRANT %I TO dchain_usermgr WITH ADMIN OPTION', r);
        EXCEPTION WHEN insufficient_privilege THEN NULL;  -- granted when the roles were made
        END;
    END LOOP;
END $roles$;

-- A removed user keeps their rows and audit entries; their login can no longer connect.
ALTER TABLE app_user ADD COLUMN removed_at timestamptz;

-- The team of the connected login (NULL: no dchain user, removed, or no team). The table is
-- named with its schema, fixed now: a caller's search_path (or a temporary app_user) cannot
-- change whose team this is.
DO $fn$
BEGIN
    EXECUTE format($f$
        CREATE FUNCTION dchain_my_team() RETURNS bigint LANGUAGE sql STABLE AS
        'SELECT team_id FROM %I.app_user WHERE login = session_user AND removed_at IS NULL'
        $f$, current_schema());
END $fn$;

-- A new account belongs to the team of whoever adds it, unless a team is named.
CREATE FUNCTION account_default_team() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.team_id IS NULL THEN NEW.team_id := dchain_my_team(); END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER default_team BEFORE INSERT ON account FOR EACH ROW EXECUTE FUNCTION account_default_team();

-- The audit: the actor is the login (session_user); the old per-session dchain.user setting
-- is ignored. (dchain writes logged_by, recorded_by and task owners as the login too; the
-- audit is what no one can bend.) It runs as the owner (SECURITY DEFINER), so logins need no right to write
-- audit_log, and with its search_path fixed, so a temporary audit_log cannot catch it.
CREATE OR REPLACE FUNCTION audit_row() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER AS $$
DECLARE
    old_row jsonb := CASE WHEN TG_OP IN ('UPDATE', 'DELETE') THEN to_jsonb(OLD) END;
    new_row jsonb := CASE WHEN TG_OP IN ('INSERT', 'UPDATE') THEN to_jsonb(NEW) END;
    acct    bigint;
BEGIN
    acct := CASE WHEN TG_TABLE_NAME = 'account' THEN (coalesce(new_row, old_row) ->> 'id')::bigint
                 ELSE (coalesce(new_row, old_row) ->> 'account_id')::bigint END;
    INSERT INTO audit_log (actor, table_name, op, account_id, before, after)
    VALUES (session_user, TG_TABLE_NAME, TG_OP, acct, old_row, new_row);
    RETURN NULL;
END $$;
DO $fn$
BEGIN
    EXECUTE format('ALTER FUNCTION audit_row() SET search_path = %I, pg_catalog, pg_temp', current_schema());
END $fn$;

-- Row-level security for one table, by the rules above. Every table with account_id gets it
-- (dchain_secure_schema calls this for each, after every migration), so tables that later
-- migrations add are covered without naming them here.
CREATE FUNCTION dchain_secure_table(rel regclass) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
    workspace boolean := current_schema() LIKE 'ws\_%';
    is_account boolean := rel = 'account'::regclass;
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
    IF is_account THEN
        -- (SELECT ...) makes the login's team an InitPlan: looked up once per statement.
        EXECUTE format('CREATE POLICY dchain_team ON %s TO dchain_rep, dchain_manager '
                       'USING (team_id = (SELECT dchain_my_team())) WITH CHECK (team_id = (SELECT dchain_my_team()))', rel);
    ELSE
        -- Everything hanging off an account is visible exactly when the account is.
        EXECUTE format('CREATE POLICY dchain_team ON %s TO dchain_rep, dchain_manager '
                       'USING (account_id IN (SELECT id FROM account)) WITH CHECK (account_id IN (SELECT id FROM account))', rel);
    END IF;
END $$;

-- Owner, row-level security and privileges for every table of the current schema:
--   tables with account_id (and account): read and write for the group roles, as the policies allow;
--   audit_log: read only (the audit trigger writes it as the owner);
--   audit_undo (0005): read and add, for `dchain undo`;
--   other tables (teams, users, pipelines, schema_migrations): read for all, written by admins.
-- A workspace (schema ws_*) is open to trainers and to the trainee it is named after, no one else.
CREATE FUNCTION dchain_secure_schema() RETURNS void LANGUAGE plpgsql AS $$
DECLARE
    s          text := current_schema();
    workspace  boolean := current_schema() LIKE 'ws\_%';
    groups     text := 'dchain_rep, dchain_manager, dchain_trainer, dchain_admin';
    trainee    text;
    t          record;
BEGIN
    IF workspace THEN
        trainee := regexp_replace(s, '^ws_(case_)?', '');
        EXECUTE format('REVOKE ALL ON SCHEMA %I FROM PUBLIC', s);
        EXECUTE format('GRANT USAGE, CREATE ON SCHEMA %I TO dchain_trainer', s);
        EXECUTE format('GRANT ALL ON ALL TABLES IN SCHEMA %I TO dchain_trainer', s);
        EXECUTE format('GRANT ALL ON ALL SEQUENCES IN SCHEMA %I TO dchain_trainer', s);
        IF EXISTS (SELECT 1 FROM pg_roles r WHERE r.rolname = trainee AND r.rolcanlogin AND NOT r.rolsuper) THEN
            EXECUTE format('GRANT USAGE ON SCHEMA %I TO %I', s, trainee);
            EXECUTE format('GRANT ALL ON ALL TABLES IN SCHEMA %I TO %I', s, trainee);
            EXECUTE format('GRANT ALL ON ALL SEQUENCES IN SCHEMA %I TO %I', s, trainee);
        END IF;
    ELSE
        EXECUTE format('GRANT USAGE ON SCHEMA %I TO %s', s, groups);
        EXECUTE format('GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA %I TO %s', s, groups);
    END IF;
    FOR t IN
        SELECT c.oid::regclass AS rel, c.relname, pg_get_userbyid(c.relowner) AS owner,
               EXISTS (SELECT 1 FROM pg_attribute a
                       WHERE a.attrelid = c.oid AND a.attname = 'account_id' AND NOT a.attisdropped) AS by_account
        FROM pg_class c
        WHERE c.relnamespace = s::regnamespace AND c.relkind IN ('r', 'p') AND NOT c.relispartition
    LOOP
        IF NOT workspace AND t.owner <> 'dchain_owner' AND pg_has_role('dchain_owner', 'MEMBER') THEN
            EXECUTE format('ALTER TABLE %s OWNER TO dchain_owner', t.rel);
        END IF;
        IF t.by_account OR t.relname = 'account' THEN
            PERFORM dchain_secure_table(t.rel);
        END IF;
        CONTINUE WHEN workspace;
        EXECUTE format('REVOKE ALL ON %s FROM PUBLIC', t.rel);
        IF t.relname = 'audit_log' OR t.relname = 'schema_migrations' THEN
            EXECUTE format('GRANT SELECT ON %s TO %s', t.rel, groups);
        ELSIF t.relname = 'audit_undo' THEN
            EXECUTE format('GRANT SELECT, INSERT ON %s TO %s', t.rel, groups);
        ELSIF t.by_account OR t.relname = 'account' THEN
            EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON %s TO %s', t.rel, groups);
        ELSE
            EXECUTE format('GRANT SELECT ON %s TO %s', t.rel, groups);
            EXECUTE format('GRANT INSERT, UPDATE, DELETE ON %s TO dchain_admin', t.rel);
        END IF;
    END LOOP;
END $$;

-- The live schema: later migrations run as dchain_owner, which therefore may create here;
-- trainers make workspaces (schemas) in this database. Skipped where the migrating role
-- may not grant them (a DBA grants them by hand then).
DO $grants$
BEGIN
    IF current_schema() NOT LIKE 'ws\_%' THEN
        BEGIN
            EXECUTE format('GRANT CREATE ON SCHEMA %I TO dchain_owner', current_schema());
            EXECUTE format('GRANT CREATE ON DATABASE %I TO dchain_trainer, dchain_admin', current_database());
        EXCEPTION WHEN insufficient_privilege THEN NULL;
        END;
    END IF;
END $grants$;

-- Logins, through the narrow path: SECURITY DEFINER functions owned by dchain_usermgr
-- (CREATEROLE) that only ever create, regroup or disable members of the dchain group roles.
-- Only dchain_admin may execute them. The password arrives as a SCRAM verifier computed by
-- the client (libpq's PQencryptPasswordConn), never in clear.
CREATE FUNCTION dchain_login_set_group(login text, grp text) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    g text;
BEGIN
    IF grp NOT IN ('rep', 'manager', 'trainer', 'admin') THEN
        RAISE EXCEPTION 'role "%" is not one of rep, manager, trainer, admin', grp USING ERRCODE = '22023';
    END IF;
    IF NOT EXISTS (SELECT 1 FROM pg_roles r WHERE r.rolname = login AND NOT r.rolsuper AND NOT r.rolbypassrls
                   AND EXISTS (SELECT 1 FROM pg_auth_members m JOIN pg_roles gr ON gr.oid = m.roleid
                               WHERE m.member = r.oid AND gr.rolname IN ('dchain_rep', 'dchain_manager', 'dchain_trainer', 'dchain_admin'))) THEN
        RAISE EXCEPTION 'login "%" is not a dchain login', login USING ERRCODE = '42501';
    END IF;
    FOREACH g IN ARRAY ARRAY['rep', 'manager', 'trainer', 'admin'] LOOP
        IF g = grp THEN
            EXECUTE format('GRANT %I TO %I', 'dchain_' || g, login);
        ELSIF pg_has_role(login, 'dchain_' || g, 'MEMBER') THEN
            EXECUTE format('REVOKE %I FROM %I', 'dchain_' || g, login);
        END IF;
    END LOOP;
END $$;

CREATE FUNCTION dchain_login_create(login text, verifier text, grp text) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    IF login !~ '^[A-Za-z0-9._@-]+$' OR login LIKE 'pg\_%' OR login LIKE 'dchain\_%' THEN
        RAISE EXCEPTION 'login "%" is not allowed; use letters, digits, . _ @ -', login USING ERRCODE = '22023';
    END IF;
    IF grp NOT IN ('rep', 'manager', 'trainer', 'admin') THEN
        RAISE EXCEPTION 'role "%" is not one of rep, manager, trainer, admin', grp USING ERRCODE = '22023';
    END IF;
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = login) THEN
        RAISE EXCEPTION 'a database role named "%" already exists', login USING ERRCODE = '42710';
    END IF;
    EXECUTE format('CREATE ROLE %I LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS NOREPLICATION INHERIT IN ROLE %I',
                   login, 'dchain_' || grp);
    IF verifier IS NOT NULL THEN
        EXECUTE format('ALTER ROLE %I PASSWORD %L', login, verifier);
    END IF;
END $$;

CREATE FUNCTION dchain_login_enable(login text, allowed boolean) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles r WHERE r.rolname = login AND NOT r.rolsuper AND NOT r.rolbypassrls
                   AND EXISTS (SELECT 1 FROM pg_auth_members m JOIN pg_roles gr ON gr.oid = m.roleid
                               WHERE m.member = r.oid AND gr.rolname IN ('dchain_rep', 'dchain_manager', 'dchain_trainer', 'dchain_admin'))) THEN
        RAISE EXCEPTION 'login "%" is not a dchain login', login USING ERRCODE = '42501';
    END IF;
    EXECUTE format('ALTER ROLE %I %s', login, CASE WHEN allowed THEN 'LOGIN' ELSE 'NOLOGIN' END);
END $$;

DO $owners$
DECLARE
    f text;
BEGIN
    FOREACH f IN ARRAY ARRAY['dchain_login_set_group(text, text)', 'dchain_login_create(text, text, text)',
                             'dchain_login_enable(text, boolean)'] LOOP
        EXECUTE format('REVOKE ALL ON FUNCTION %s FROM PUBLIC', f);
        IF current_schema() NOT LIKE 'ws\_%' THEN
            EXECUTE format('GRANT EXECUTE ON FUNCTION %s TO dchain_admin', f);
            BEGIN
                EXECUTE format('ALTER FUNCTION %s OWNER TO dchain_usermgr', f);
            EXCEPTION WHEN insufficient_privilege THEN NULL;  -- a DBA hands them over by hand
            END;
        END IF;
    END LOOP;
    IF current_schema() NOT LIKE 'ws\_%' AND pg_has_role('dchain_owner', 'MEMBER') THEN
        FOREACH f IN ARRAY ARRAY['audit_row()', 'dchain_my_team()', 'account_default_team()',
                                 'dchain_secure_table(regclass)', 'dchain_secure_schema()'] LOOP
            EXECUTE format('ALTER FUNCTION %s OWNER TO dchain_owner', f);
        END LOOP;
    END IF;
END $owners$;

SELECT dchain_secure_schema();
