-- DecisionChain on Citus: distribute the account-owned tables by account_id, co-located, and
-- replicate the small tables to every node. Not a migration: run it once, on the coordinator,
-- as a superuser (Citus' own functions need one), right after `dchain db migrate` created the
-- schema there and before data is loaded. docs/scaling.md explains the choices.
-- Schema/citus/ is checked by Tests/DecisionChainStoreTests/CitusRulesTests.swift: every table
-- of the schema must appear below, and every key of an account-owned table must hold account_id.

CREATE EXTENSION IF NOT EXISTS citus;

-- Reference tables: small, read by every query, written rarely; a copy on every node makes
-- their joins local. account is one of them on purpose: names and codes are unique across
-- all teams (one account, one team chasing it), which only a single copy can enforce, and
-- the row-level security of every distributed table asks it which accounts a login may see.
SELECT create_reference_table('team');
SELECT create_reference_table('app_user');
SELECT create_reference_table('pipeline');
SELECT create_reference_table('stage');
SELECT create_reference_table('account');
SELECT create_reference_table('schema_migrations');
SELECT create_reference_table('audit_undo');
-- Experience targets (0013): a handful of rows, set by managers and admins, read by every report.
SELECT create_reference_table('metric_target');
-- Personas rest on many accounts and belong to a team, not to one account: a few rows per team,
-- read whole; their row-level security asks team membership (0012_persona.sql), not account.
SELECT create_reference_table('persona');
SELECT create_reference_table('persona_note');

-- The audit: rows about reference tables (teams, users, pipelines) have no account. A
-- distribution column may not be NULL, so they are filed under account 0, which no login's
-- policy ever shows but an admin's; its key gains account_id like every other table's.
UPDATE audit_log SET account_id = 0 WHERE account_id IS NULL;
ALTER TABLE audit_log ALTER COLUMN account_id SET DEFAULT 0;
ALTER TABLE audit_log ALTER COLUMN account_id SET NOT NULL;
ALTER TABLE audit_log DROP CONSTRAINT audit_log_pkey, ADD PRIMARY KEY (account_id, id);
CREATE OR REPLACE FUNCTION audit_row() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER AS $$
DECLARE
    old_row jsonb := CASE WHEN TG_OP IN ('UPDATE', 'DELETE') THEN to_jsonb(OLD) END;
    new_row jsonb := CASE WHEN TG_OP IN ('INSERT', 'UPDATE') THEN to_jsonb(NEW) END;
BEGIN
    INSERT INTO audit_log (actor, table_name, op, account_id, before, after)
    VALUES (session_user, TG_TABLE_NAME, TG_OP,
            coalesce((coalesce(new_row, old_row) ->> CASE WHEN TG_TABLE_NAME = 'account' THEN 'id' ELSE 'account_id' END)::bigint, 0),
            old_row, new_row);
    RETURN NULL;
END $$;

-- Distributed tables: every row of one account on one shard, and all tables co-located, so
-- the joins of a map, a plan or a log (all by account_id) run on one node, and a pipeline
-- report runs on every node at once.
SELECT create_distributed_table('unit', 'account_id');
SELECT create_distributed_table('stakeholder', 'account_id', colocate_with => 'unit');
SELECT create_distributed_table('deal', 'account_id', colocate_with => 'unit');
SELECT create_distributed_table('deal_stage_history', 'account_id', colocate_with => 'unit');
SELECT create_distributed_table('buying_influence', 'account_id', colocate_with => 'unit');
SELECT create_distributed_table('touchpoint', 'account_id', colocate_with => 'unit');
SELECT create_distributed_table('participant', 'account_id', colocate_with => 'unit');
SELECT create_distributed_table('pain_point', 'account_id', colocate_with => 'unit');
SELECT create_distributed_table('plan_item', 'account_id', colocate_with => 'unit');
SELECT create_distributed_table('touchpoint_trash', 'account_id', colocate_with => 'unit');
SELECT create_distributed_table('participant_trash', 'account_id', colocate_with => 'unit');
SELECT create_distributed_table('pain_point_trash', 'account_id', colocate_with => 'unit');
SELECT create_distributed_table('observation', 'account_id', colocate_with => 'unit');
SELECT create_distributed_table('survey', 'account_id', colocate_with => 'unit');
SELECT create_distributed_table('audit_log', 'account_id', colocate_with => 'unit');

-- Row-level security, policies and grants made by dchain_secure_schema() before this file
-- ran are propagated to the shards by Citus; run it again after any later migration.
SELECT dchain_secure_schema();
