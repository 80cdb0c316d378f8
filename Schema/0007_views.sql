-- 0007: what the views need to tell the truth.
--
-- 1. Quiet stages. In government procurement the bidding and evaluation periods are quiet: a
--    bidder must not lobby the buyer or the evaluators. Which stages are quiet is data on the
--    stage; the plan and the map give no "contact X" advice there, and the reports flag a
--    touchpoint with the buyer's people logged in one (other than the formal channels).
ALTER TABLE stage ADD COLUMN quiet boolean NOT NULL DEFAULT false;
COMMENT ON COLUMN stage.quiet IS 'A quiet period of procurement: no lobbying the buyer or the evaluators.';
UPDATE stage SET quiet = true
FROM pipeline p
WHERE p.id = stage.pipeline_id AND p.key = 'government' AND stage.key IN ('bidding', 'evaluation');

-- 2. A touchpoint's stage follows the deal's stage history at the touchpoint's time: the latest
--    entry on or before its day, else (before the first entry) the first. Recomputed whenever
--    the history changes (a back-dated move, an undone move, an import) and whenever a
--    touchpoint is logged, re-dated or re-tagged; its pain points follow it.
CREATE FUNCTION deal_stage_at(p_account bigint, p_deal bigint, p_day date) RETURNS bigint
LANGUAGE sql STABLE AS $$
    SELECT h.stage_id FROM deal_stage_history h
    WHERE h.account_id = p_account AND h.deal_id = p_deal
    ORDER BY (h.entered_on <= p_day) DESC,
             CASE WHEN h.entered_on <= p_day THEN h.entered_on END DESC NULLS LAST,
             h.entered_on, h.id DESC
    LIMIT 1
$$;

CREATE FUNCTION touchpoint_stage_from_history() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.deal_id IS NOT NULL THEN
        NEW.stage_id := coalesce(deal_stage_at(NEW.account_id, NEW.deal_id, NEW.at::date), NEW.stage_id);
    END IF;
    RETURN NEW;
END
$$;
CREATE TRIGGER stage_from_history BEFORE INSERT OR UPDATE OF at, deal_id ON touchpoint
    FOR EACH ROW EXECUTE FUNCTION touchpoint_stage_from_history();

CREATE FUNCTION pain_point_follow_touchpoint_stage() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE pain_point SET stage_id = NEW.stage_id
    WHERE account_id = NEW.account_id AND touchpoint_id = NEW.id AND stage_id IS DISTINCT FROM NEW.stage_id;
    RETURN NULL;
END
$$;
CREATE TRIGGER pain_stage_follows AFTER UPDATE OF stage_id ON touchpoint
    FOR EACH ROW WHEN (OLD.stage_id IS DISTINCT FROM NEW.stage_id) EXECUTE FUNCTION pain_point_follow_touchpoint_stage();

CREATE FUNCTION restage_deal_touchpoints() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    h deal_stage_history%ROWTYPE;
BEGIN
    IF TG_OP = 'DELETE' THEN h := OLD; ELSE h := NEW; END IF;
    -- A deal being deleted takes its touchpoints with it: nothing to restage.
    IF NOT EXISTS (SELECT 1 FROM deal d WHERE d.account_id = h.account_id AND d.id = h.deal_id) THEN
        RETURN NULL;
    END IF;
    UPDATE touchpoint t SET stage_id = s.stage_id
    FROM (SELECT t2.account_id, t2.id, deal_stage_at(t2.account_id, t2.deal_id, t2.at::date) AS stage_id
          FROM touchpoint t2 WHERE t2.account_id = h.account_id AND t2.deal_id = h.deal_id) s
    WHERE t.account_id = s.account_id AND t.id = s.id AND s.stage_id IS NOT NULL AND t.stage_id IS DISTINCT FROM s.stage_id;
    IF TG_OP = 'UPDATE' AND (OLD.account_id, OLD.deal_id) IS DISTINCT FROM (NEW.account_id, NEW.deal_id) THEN
        UPDATE touchpoint t SET stage_id = deal_stage_at(t.account_id, t.deal_id, t.at::date)
        WHERE t.account_id = OLD.account_id AND t.deal_id = OLD.deal_id
          AND deal_stage_at(t.account_id, t.deal_id, t.at::date) IS NOT NULL;
    END IF;
    RETURN NULL;
END
$$;
CREATE TRIGGER restage_touchpoints AFTER INSERT OR UPDATE OR DELETE ON deal_stage_history
    FOR EACH ROW EXECUTE FUNCTION restage_deal_touchpoints();

-- Touchpoints logged before this migration get the stage their deal's history gives them.
UPDATE touchpoint t SET stage_id = deal_stage_at(t.account_id, t.deal_id, t.at::date)
WHERE t.deal_id IS NOT NULL AND deal_stage_at(t.account_id, t.deal_id, t.at::date) IS DISTINCT FROM t.stage_id
  AND deal_stage_at(t.account_id, t.deal_id, t.at::date) IS NOT NULL;
