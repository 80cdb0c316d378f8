-- Corrections with history: soft-deleted touchpoints and pain points live in trash tables
-- (no live view can forget a filter: the rows are simply not there), the audit log groups
-- the rows of one transaction (so one command's change can be undone as a whole), and
-- undoing a change is itself a change, audited like any other.

-- The transaction each audited row was written in. Rows written before this migration keep
-- NULL: they are never offered for undo.
ALTER TABLE audit_log ADD COLUMN xact bigint;
ALTER TABLE audit_log ALTER COLUMN xact SET DEFAULT txid_current();
CREATE INDEX audit_log_actor_idx ON audit_log (actor, at);
CREATE INDEX audit_log_xact_idx ON audit_log (xact);

-- Which transaction undid which: an undone change is not offered again, and an undo is
-- never itself offered for undo.
CREATE TABLE audit_undo (
    undone_xact  bigint PRIMARY KEY,
    undo_xact    bigint NOT NULL DEFAULT txid_current(),
    actor        text NOT NULL,
    at           timestamptz NOT NULL DEFAULT now()
);

-- Trash: the live tables' columns plus who deleted the row and when. Rows move here and
-- back with the same ids.
CREATE TABLE touchpoint_trash (
    LIKE touchpoint INCLUDING DEFAULTS INCLUDING CONSTRAINTS,
    deleted_at  timestamptz NOT NULL DEFAULT now(),
    deleted_by  text,
    PRIMARY KEY (account_id, id)
);
CREATE TABLE participant_trash (
    LIKE participant INCLUDING DEFAULTS INCLUDING CONSTRAINTS,
    deleted_at  timestamptz NOT NULL DEFAULT now(),
    deleted_by  text,
    PRIMARY KEY (account_id, touchpoint_id, stakeholder_id)
);
CREATE TABLE pain_point_trash (
    LIKE pain_point INCLUDING DEFAULTS INCLUDING CONSTRAINTS,
    deleted_at  timestamptz NOT NULL DEFAULT now(),
    deleted_by  text,
    PRIMARY KEY (account_id, id)
);
CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON touchpoint_trash FOR EACH ROW EXECUTE FUNCTION audit_row();
CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON participant_trash FOR EACH ROW EXECUTE FUNCTION audit_row();
CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON pain_point_trash FOR EACH ROW EXECUTE FUNCTION audit_row();

-- Moves one pain point to the trash. False when there is no such live pain point.
CREATE FUNCTION trash_pain_point(acct bigint, pain bigint, who text) RETURNS boolean LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO pain_point_trash
    SELECT r.* FROM pain_point p,
         jsonb_populate_record(NULL::pain_point_trash, to_jsonb(p) || jsonb_build_object('deleted_at', now(), 'deleted_by', who)) r
    WHERE p.account_id = acct AND p.id = pain;
    IF NOT FOUND THEN RETURN false; END IF;
    DELETE FROM pain_point WHERE account_id = acct AND id = pain;
    RETURN true;
END $$;

-- Moves a touchpoint with its participants and pain points to the trash, children first
-- (no cascade: every row's before-image is in the audit). False when there is no such live touchpoint.
CREATE FUNCTION trash_touchpoint(acct bigint, tp bigint, who text) RETURNS boolean LANGUAGE plpgsql AS $$
BEGIN
    PERFORM 1 FROM touchpoint WHERE account_id = acct AND id = tp FOR UPDATE;
    IF NOT FOUND THEN RETURN false; END IF;
    INSERT INTO pain_point_trash
    SELECT r.* FROM pain_point p,
         jsonb_populate_record(NULL::pain_point_trash, to_jsonb(p) || jsonb_build_object('deleted_at', now(), 'deleted_by', who)) r
    WHERE p.account_id = acct AND p.touchpoint_id = tp;
    DELETE FROM pain_point WHERE account_id = acct AND touchpoint_id = tp;
    INSERT INTO participant_trash
    SELECT r.* FROM participant p,
         jsonb_populate_record(NULL::participant_trash, to_jsonb(p) || jsonb_build_object('deleted_at', now(), 'deleted_by', who)) r
    WHERE p.account_id = acct AND p.touchpoint_id = tp;
    DELETE FROM participant WHERE account_id = acct AND touchpoint_id = tp;
    INSERT INTO touchpoint_trash
    SELECT r.* FROM touchpoint t,
         jsonb_populate_record(NULL::touchpoint_trash, to_jsonb(t) || jsonb_build_object('deleted_at', now(), 'deleted_by', who)) r
    WHERE t.account_id = acct AND t.id = tp;
    DELETE FROM touchpoint WHERE account_id = acct AND id = tp;
    RETURN true;
END $$;

-- Moves a trashed touchpoint back with the same ids, with the participants and pain points
-- it took along (people deleted since stay out). Its stage is recomputed from the deal's
-- stage history as it is now. False when the trash holds no such touchpoint.
CREATE FUNCTION restore_touchpoint(acct bigint, tp bigint) RETURNS boolean LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO touchpoint
    SELECT r.* FROM touchpoint_trash t, jsonb_populate_record(NULL::touchpoint, to_jsonb(t)) r
    WHERE t.account_id = acct AND t.id = tp;
    IF NOT FOUND THEN RETURN false; END IF;
    UPDATE touchpoint t SET stage_id = coalesce((
        SELECT h.stage_id FROM deal_stage_history h
        WHERE h.account_id = t.account_id AND h.deal_id = t.deal_id
        ORDER BY (h.entered_on <= t.at::date) DESC,
                 CASE WHEN h.entered_on <= t.at::date THEN h.entered_on END DESC NULLS LAST, h.entered_on, h.id DESC
        LIMIT 1), t.stage_id)
    WHERE t.account_id = acct AND t.id = tp AND t.deal_id IS NOT NULL;
    INSERT INTO participant
    SELECT r.* FROM participant_trash p, jsonb_populate_record(NULL::participant, to_jsonb(p)) r
    WHERE p.account_id = acct AND p.touchpoint_id = tp
      AND EXISTS (SELECT 1 FROM stakeholder s WHERE s.account_id = acct AND s.id = p.stakeholder_id);
    INSERT INTO pain_point
    SELECT r.* FROM pain_point_trash p, jsonb_populate_record(NULL::pain_point, to_jsonb(p)) r
    WHERE p.account_id = acct AND p.touchpoint_id = tp
      AND (p.stakeholder_id IS NULL OR EXISTS (SELECT 1 FROM stakeholder s WHERE s.account_id = acct AND s.id = p.stakeholder_id));
    UPDATE pain_point pp SET stage_id = t.stage_id
    FROM touchpoint t WHERE t.account_id = acct AND t.id = tp AND pp.account_id = acct AND pp.touchpoint_id = tp;
    DELETE FROM pain_point_trash WHERE account_id = acct AND touchpoint_id = tp;
    DELETE FROM participant_trash WHERE account_id = acct AND touchpoint_id = tp;
    DELETE FROM touchpoint_trash WHERE account_id = acct AND id = tp;
    RETURN true;
END $$;

-- The primary-key columns of a table, and the key part of one of its row images.
CREATE FUNCTION audit_key_columns(rel regclass) RETURNS text[] LANGUAGE sql STABLE AS $$
    SELECT array_agg(a.attname::text ORDER BY a.attnum)
    FROM pg_index i JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY(i.indkey)
    WHERE i.indrelid = rel AND i.indisprimary
$$;
CREATE FUNCTION audit_key(img jsonb, cols text[]) RETURNS jsonb LANGUAGE sql IMMUTABLE AS $$
    SELECT jsonb_object_agg(k, img -> k) FROM unnest(cols) k
$$;

-- Undoes one transaction from its audit rows, newest row first: an INSERT is deleted, an
-- UPDATE set back to its before-image, a DELETE inserted again. Each row must still be as
-- that transaction left it (else: SQLSTATE 40001 naming the row, and nothing changes). Rows
-- whose parent or child is undone later in the same pass (a foreign key in the way, or a
-- row to set back that is not there yet) are retried until no row is left or no progress is made. Returns the number of rows undone.
CREATE FUNCTION undo_transaction(target bigint, who text) RETURNS int LANGUAGE plpgsql AS $$
DECLARE
    r        record;
    rel      regclass;
    cols     text[];
    pk       text;
    matches  boolean;
    pending  bigint[];
    retry    bigint[];
    done     int := 0;
    n        int;
BEGIN
    IF EXISTS (SELECT 1 FROM audit_undo WHERE undone_xact = target) THEN
        RAISE EXCEPTION 'that change was already undone' USING ERRCODE = '55000';
    END IF;
    -- Check first: every row's last image in the transaction must be the row as it is now.
    FOR r IN SELECT * FROM audit_log l WHERE l.xact = target ORDER BY l.id DESC LOOP
        rel := to_regclass(quote_ident(r.table_name));
        cols := audit_key_columns(rel);
        CONTINUE WHEN EXISTS (SELECT 1 FROM audit_log l WHERE l.xact = target AND l.id > r.id AND l.table_name = r.table_name
                                 AND audit_key(coalesce(l.after, l.before), cols) = audit_key(coalesce(r.after, r.before), cols));
        SELECT string_agg(format('x.%1$I IS NOT DISTINCT FROM v.%1$I', c), ' AND ') INTO pk FROM unnest(cols) c;
        IF r.op = 'DELETE' THEN
            EXECUTE format('SELECT EXISTS (SELECT 1 FROM %s x, jsonb_populate_record(NULL::%s, $1) v WHERE %s)', rel, rel, pk)
                INTO matches USING r.before;
            IF matches THEN
                RAISE EXCEPTION '% row % exists again: it was changed after this change; nothing undone', r.table_name,
                    audit_key(r.before, cols) USING ERRCODE = '40001';
            END IF;
        ELSE
            EXECUTE format('SELECT EXISTS (SELECT 1 FROM %s x, jsonb_populate_record(NULL::%s, $1) v WHERE %s AND x IS NOT DISTINCT FROM v)',
                           rel, rel, pk)
                INTO matches USING r.after;
            IF NOT matches THEN
                RAISE EXCEPTION '% row % was changed or deleted after this change; nothing undone', r.table_name,
                    audit_key(r.after, cols) USING ERRCODE = '40001';
            END IF;
        END IF;
    END LOOP;

    SELECT array_agg(id ORDER BY id DESC) INTO pending FROM audit_log WHERE xact = target;
    WHILE coalesce(array_length(pending, 1), 0) > 0 LOOP
        retry := '{}';
        FOR r IN SELECT l.* FROM audit_log l JOIN unnest(pending) WITH ORDINALITY u(id, n) ON u.id = l.id ORDER BY u.n LOOP
            rel := to_regclass(quote_ident(r.table_name));
            SELECT string_agg(format('x.%1$I = v.%1$I', c), ' AND ') INTO pk FROM unnest(audit_key_columns(rel)) c;
            BEGIN
                IF r.op = 'INSERT' THEN
                    EXECUTE format('DELETE FROM %s x USING jsonb_populate_record(NULL::%s, $1) v WHERE %s', rel, rel, pk) USING r.after;
                ELSIF r.op = 'DELETE' THEN
                    EXECUTE format('INSERT INTO %s SELECT * FROM jsonb_populate_record(NULL::%s, $1)', rel, rel) USING r.before;
                ELSE
                    EXECUTE format('UPDATE %s x SET (%s) = (SELECT %s FROM jsonb_populate_record(NULL::%s, $1) b) '
                                   'FROM jsonb_populate_record(NULL::%s, $2) v WHERE %s',
                                   rel,
                                   (SELECT string_agg(quote_ident(attname), ', ' ORDER BY attnum) FROM pg_attribute
                                    WHERE attrelid = rel AND attnum > 0 AND NOT attisdropped),
                                   (SELECT string_agg('b.' || quote_ident(attname), ', ' ORDER BY attnum) FROM pg_attribute
                                    WHERE attrelid = rel AND attnum > 0 AND NOT attisdropped),
                                   rel, rel, pk) USING r.before, r.after;
                END IF;
                GET DIAGNOSTICS n = ROW_COUNT;
                IF n = 0 THEN
                    -- The row is not there yet: a later row of this pass brings it back.
                    retry := retry || r.id;
                ELSE
                    done := done + 1;
                END IF;
            EXCEPTION WHEN foreign_key_violation THEN
                retry := retry || r.id;
            END;
        END LOOP;
        IF array_length(retry, 1) = array_length(pending, 1) THEN
            RAISE EXCEPTION 'cannot undo: rows of this change are referenced by later changes' USING ERRCODE = '23503';
        END IF;
        pending := retry;
    END LOOP;
    INSERT INTO audit_undo (undone_xact, actor) VALUES (target, who);
    RETURN done;
END $$;
