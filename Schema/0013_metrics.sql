-- 0013: experience metrics, the fifth element of a journey map (personas, stages, touchpoints,
-- emotions, metrics). A survey is one answer of one stakeholder: NPS (0–10, "would you
-- recommend us?"), CSAT (1–5, "how satisfied are you?") or CES (1–7, "how easy was it?", 7 the
-- easiest). It is account-owned (row-level security comes from dchain_secure_schema, which runs
-- after every migration) and is attached to the stage its deal was in on the day surveyed.
-- Targets are the team leads' goals per kind, for one pipeline or for all: not account-owned.

CREATE TABLE survey (
    account_id      bigint NOT NULL REFERENCES account ON DELETE CASCADE,
    id              bigserial,
    stakeholder_id  bigint NOT NULL,
    deal_id         bigint,
    -- Set from the deal's stage history (survey_stage_from_history): the stage on surveyed_on.
    stage_id        bigint REFERENCES stage,
    surveyed_on     date NOT NULL,
    kind            text NOT NULL CHECK (kind IN ('nps', 'csat', 'ces')),
    score           smallint NOT NULL,
    comment         text,
    -- The login that recorded it (forced by the trigger below: no client can name someone else).
    recorded_by     text NOT NULL DEFAULT session_user,
    created_at      timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (account_id, id),
    FOREIGN KEY (account_id, stakeholder_id) REFERENCES stakeholder (account_id, id) ON DELETE CASCADE,
    FOREIGN KEY (account_id, deal_id) REFERENCES deal (account_id, id) ON DELETE CASCADE,
    CONSTRAINT survey_score_range CHECK (
        (kind = 'nps' AND score BETWEEN 0 AND 10) OR (kind = 'csat' AND score BETWEEN 1 AND 5) OR (kind = 'ces' AND score BETWEEN 1 AND 7))
);
CREATE INDEX survey_deal_idx ON survey (account_id, deal_id, surveyed_on);
-- The pipeline report reads the surveys of a period across accounts.
CREATE INDEX survey_on_idx ON survey (surveyed_on);

-- The stage the deal was in on the day surveyed, as touchpoints get theirs (0007): the latest
-- history entry on or before the day, else the first; a deal without history, its stage.
CREATE FUNCTION survey_stage_from_history() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        NEW.recorded_by := session_user;
    END IF;
    IF NEW.deal_id IS NULL THEN
        NEW.stage_id := NULL;
    ELSE
        NEW.stage_id := coalesce(deal_stage_at(NEW.account_id, NEW.deal_id, NEW.surveyed_on),
                                 (SELECT d.stage_id FROM deal d WHERE d.account_id = NEW.account_id AND d.id = NEW.deal_id));
    END IF;
    RETURN NEW;
END
$$;
CREATE TRIGGER stage_from_history BEFORE INSERT OR UPDATE OF surveyed_on, deal_id ON survey
    FOR EACH ROW EXECUTE FUNCTION survey_stage_from_history();

-- A changed stage history (a back-dated move, an undone move) restages the deal's surveys.
CREATE FUNCTION restage_deal_surveys() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    h deal_stage_history%ROWTYPE;
BEGIN
    IF TG_OP = 'DELETE' THEN h := OLD; ELSE h := NEW; END IF;
    -- A deal being deleted takes its surveys with it: nothing to restage.
    IF NOT EXISTS (SELECT 1 FROM deal d WHERE d.account_id = h.account_id AND d.id = h.deal_id) THEN
        RETURN NULL;
    END IF;
    UPDATE survey v SET stage_id = deal_stage_at(v.account_id, v.deal_id, v.surveyed_on)
    WHERE v.account_id = h.account_id AND v.deal_id = h.deal_id
      AND deal_stage_at(v.account_id, v.deal_id, v.surveyed_on) IS NOT NULL
      AND v.stage_id IS DISTINCT FROM deal_stage_at(v.account_id, v.deal_id, v.surveyed_on);
    RETURN NULL;
END
$$;
CREATE TRIGGER restage_surveys AFTER INSERT OR UPDATE OR DELETE ON deal_stage_history
    FOR EACH ROW EXECUTE FUNCTION restage_deal_surveys();

CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON survey FOR EACH ROW EXECUTE FUNCTION audit_row();

-- A target per kind, for one pipeline (pipeline_id) or for every pipeline (NULL): NPS −100…100,
-- CSAT 1…5, CES 1…7. A pipeline's own target wins over the all-pipelines one.
CREATE TABLE metric_target (
    id           bigserial PRIMARY KEY,
    kind         text NOT NULL CHECK (kind IN ('nps', 'csat', 'ces')),
    pipeline_id  bigint REFERENCES pipeline,
    value        numeric(5,2) NOT NULL,
    set_by       text NOT NULL DEFAULT session_user,
    set_at       timestamptz NOT NULL DEFAULT now(),
    UNIQUE NULLS NOT DISTINCT (kind, pipeline_id),
    CONSTRAINT metric_target_range CHECK (
        (kind = 'nps' AND value BETWEEN -100 AND 100) OR (kind = 'csat' AND value BETWEEN 1 AND 5) OR (kind = 'ces' AND value BETWEEN 1 AND 7))
);
CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON metric_target FOR EACH ROW EXECUTE FUNCTION audit_row();

-- Who may set targets: managers and admins (goals are the team leads' to set); everyone reads them.
-- dchain_secure_schema grants SELECT to every group and writes to admins (a table without
-- account_id); the managers' writes are granted here and it leaves them alone. In a workspace
-- the schema's privileges decide, as for every table there.
DO $grants$
BEGIN
    IF current_schema() NOT LIKE 'ws\_%' THEN
        GRANT INSERT, UPDATE, DELETE ON metric_target TO dchain_manager;
    END IF;
END $grants$;
