-- Day-in-the-life observations: one step of a person's working day as a rep saw it
-- on site (when, what they do, think and feel, which tool, what hurts). The steps of
-- one person's observed day hang off one `site-survey` touchpoint, written through
-- dchain's touchpoint writer; a step's pain is an ordinary pain_point row, so plans,
-- journey maps and the pipeline report see it.
CREATE TABLE observation (
    account_id      bigint NOT NULL,
    id              bigserial,
    stakeholder_id  bigint NOT NULL,
    observed_on     date NOT NULL,
    at              time(0) NOT NULL,
    touchpoint_id   bigint NOT NULL,
    deal_id         bigint,
    does            text NOT NULL CHECK (btrim(does) <> ''),
    thinks          text,
    feels           smallint CHECK (feels BETWEEN -3 AND 3),
    feels_label     text,
    tool            text,
    pain_point_id   bigint,
    recorded_by     text,
    created_at      timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (account_id, id),
    -- One step per person and minute: the time orders the day.
    UNIQUE (account_id, stakeholder_id, observed_on, at),
    FOREIGN KEY (account_id, stakeholder_id) REFERENCES stakeholder (account_id, id) ON DELETE CASCADE,
    FOREIGN KEY (account_id, touchpoint_id) REFERENCES touchpoint (account_id, id) ON DELETE CASCADE,
    FOREIGN KEY (account_id, deal_id) REFERENCES deal (account_id, id) ON DELETE CASCADE,
    FOREIGN KEY (account_id, pain_point_id) REFERENCES pain_point (account_id, id) ON DELETE SET NULL (pain_point_id)
);
CREATE INDEX observation_touchpoint_idx ON observation (account_id, touchpoint_id);

CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON observation FOR EACH ROW EXECUTE FUNCTION audit_row();
