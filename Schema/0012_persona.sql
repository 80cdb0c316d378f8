-- 0012: personas generated from logged facts (issue 17).
--
-- A persona is built from every stakeholder who held one role (EB, TB, UB, Coach) at one
-- level, over many accounts: it is not owned by one account and has no account_id. Who may
-- read it follows from whose accounts it rests on:
--
--   * `persona build` runs its aggregates as the login, under row-level security, so a rep's
--     or a manager's persona rests on their own team's accounts only. It is stored with that
--     team (`team_id`), and the policy below shows it to that team's reps and managers only:
--     team A never reads team B's persona, its quotes or its evidence ids.
--   * An admin (or the tables' owner, or a login that bypasses row-level security) sees every
--     team's accounts: their persona rests on all of them and is stored with team_id NULL,
--     which only admins read.
--   * Trainers see no live account and build no live persona; in a workspace (ws_*) the
--     schema's privileges guard everything, as for every other table.
--
-- The generated part (`persona`) is replaced by every build; the hand-written notes
-- (`persona_note`) are kept apart and attach to the persona's identity — team × role ×
-- level × pipeline × kind, the `identity` text below — never to a row a rebuild replaces.
-- A rebuild updates the persona row in place (its id stays), so `persona show ID` keeps
-- working, and the notes of an identity always come back with it.

-- The team a persona built by the connected login is for: NULL when the login sees every
-- team's accounts (an admin, the owner, a superuser), else the login's own team.
CREATE FUNCTION dchain_persona_team() RETURNS bigint LANGUAGE sql STABLE AS $$
    SELECT CASE WHEN pg_has_role(session_user, 'dchain_admin', 'MEMBER') OR pg_has_role(session_user, 'dchain_owner', 'MEMBER')
                     OR coalesce((SELECT r.rolsuper OR r.rolbypassrls FROM pg_roles r WHERE r.rolname = session_user), false)
                THEN NULL ELSE dchain_my_team() END
$$;

CREATE TABLE persona (
    id           bigserial PRIMARY KEY,
    team_id      bigint REFERENCES team,
    role         text NOT NULL CHECK (role IN ('EB', 'TB', 'UB', 'Coach')),
    level        text NOT NULL CHECK (level IN ('executive', 'manager', 'staff')),
    pipeline     text CHECK (pipeline ~ '^[a-z][a-z0-9-]*$'),
    kind         text CHECK (kind IN ('government', 'institution', 'soe', 'enterprise')),
    -- team/role/level/pipeline/kind with * for "any": what notes attach to.
    identity     text GENERATED ALWAYS AS (
                     coalesce(team_id::text, '*') || '/' || role || '/' || level || '/' || coalesce(pipeline, '*') || '/' || coalesce(kind, '*')
                 ) STORED UNIQUE,
    built_at     timestamptz NOT NULL DEFAULT now(),
    built_by     text NOT NULL DEFAULT session_user,
    people       int NOT NULL CHECK (people >= 0),
    accounts     int NOT NULL CHECK (accounts >= 0),
    touchpoints  int NOT NULL CHECK (touchpoints >= 0),
    -- The generated persona as docs/persona-json.md describes it (goals, frustrations, quotes,
    -- channels, emotion by stage, what moved them, each with its evidence ids).
    content      jsonb NOT NULL
);

CREATE TABLE persona_note (
    id                bigserial PRIMARY KEY,
    persona_identity  text NOT NULL REFERENCES persona (identity),
    team_id           bigint REFERENCES team,
    text              text NOT NULL CHECK (btrim(text) <> ''),
    written_at        timestamptz NOT NULL DEFAULT now(),
    written_by        text NOT NULL DEFAULT session_user
);
CREATE INDEX persona_note_identity_idx ON persona_note (persona_identity, id);

CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON persona FOR EACH ROW EXECUTE FUNCTION audit_row();
CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON persona_note FOR EACH ROW EXECUTE FUNCTION audit_row();

-- Row-level security by team (dchain_secure_schema covers tables with account_id only).
DO $rls$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['persona', 'persona_note'] LOOP
        EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY', t);
        IF current_schema() LIKE 'ws\_%' THEN
            EXECUTE format('CREATE POLICY dchain_workspace ON %I USING (true) WITH CHECK (true)', t);
        ELSE
            EXECUTE format('CREATE POLICY dchain_all ON %I TO dchain_owner, dchain_admin USING (true) WITH CHECK (true)', t);
            -- A NULL team (every team's persona) never equals: reps and managers never see it.
            EXECUTE format('CREATE POLICY dchain_team ON %I TO dchain_rep, dchain_manager '
                           'USING (team_id = (SELECT dchain_my_team())) WITH CHECK (team_id = (SELECT dchain_my_team()))', t);
            -- dchain_secure_schema grants reading to every group and writing to admins; reps
            -- and managers build their team's personas and write notes, never delete them.
            EXECUTE format('GRANT INSERT, UPDATE ON %I TO dchain_rep, dchain_manager', t);
        END IF;
    END LOOP;
END $rls$;
