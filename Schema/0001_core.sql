-- DecisionChain schema v1: the decision chain, touchpoints and plans.
--
-- Conventions
--   * Tables are singular, named after the glossary (DESIGN.md). Other tools rely on the names.
--   * Every table owned by an account carries account_id NOT NULL, and its primary key and the
--     foreign keys between account-owned tables include it: an account's rows stay together,
--     row-level security can filter on it, and the schema can be distributed by account_id.
--   * Closed vocabularies are CHECK constraints on text: the keys are the CLI's and the JSON's.
--   * Objects are not schema-qualified: a workspace is a schema with its own copy of these tables.

CREATE TABLE team (
    id          bigserial PRIMARY KEY,
    name        text NOT NULL UNIQUE CHECK (btrim(name) <> ''),
    created_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE app_user (
    id          bigserial PRIMARY KEY,
    login       text NOT NULL UNIQUE CHECK (login ~ '^[A-Za-z0-9._@-]+$'),
    name        text NOT NULL CHECK (btrim(name) <> ''),
    team_id     bigint REFERENCES team,
    role        text NOT NULL DEFAULT 'rep' CHECK (role IN ('rep', 'manager', 'trainer', 'admin')),
    created_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE pipeline (
    id          bigserial PRIMARY KEY,
    key         text NOT NULL UNIQUE CHECK (key ~ '^[a-z][a-z0-9-]*$'),
    name_en     text NOT NULL,
    name_zh     text NOT NULL
);

CREATE TABLE stage (
    id            bigserial PRIMARY KEY,
    pipeline_id   bigint NOT NULL REFERENCES pipeline,
    key           text NOT NULL CHECK (key ~ '^[a-z][a-z0-9-]*$'),
    position      int NOT NULL CHECK (position > 0),
    name_en       text NOT NULL,
    name_zh       text NOT NULL,
    phase         text NOT NULL CHECK (phase IN ('awareness', 'consideration', 'decision', 'purchase', 'service', 'loyalty')),
    expected_days int NOT NULL CHECK (expected_days > 0),
    weight        numeric(4,3) NOT NULL DEFAULT 0 CHECK (weight BETWEEN 0 AND 1),
    UNIQUE (pipeline_id, key),
    UNIQUE (pipeline_id, position),
    UNIQUE (pipeline_id, id)
);

CREATE TABLE account (
    id          bigserial PRIMARY KEY,
    name        text NOT NULL CHECK (btrim(name) <> ''),
    kind        text NOT NULL CHECK (kind IN ('government', 'institution', 'soe', 'enterprise')),
    code        text UNIQUE CHECK (btrim(code) <> ''),
    region      text,
    industry    text,
    parent_id   bigint REFERENCES account,
    owner_id    bigint REFERENCES app_user,
    team_id     bigint REFERENCES team,
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now(),
    CHECK (parent_id IS DISTINCT FROM id)
);
CREATE UNIQUE INDEX account_name_key ON account (name);

CREATE TABLE unit (
    account_id  bigint NOT NULL REFERENCES account ON DELETE CASCADE,
    id          bigserial,
    name        text NOT NULL CHECK (btrim(name) <> ''),
    parent_id   bigint,
    PRIMARY KEY (account_id, id),
    UNIQUE (account_id, name),
    FOREIGN KEY (account_id, parent_id) REFERENCES unit (account_id, id)
);

CREATE TABLE stakeholder (
    account_id        bigint NOT NULL REFERENCES account ON DELETE CASCADE,
    id                bigserial,
    name              text NOT NULL CHECK (btrim(name) <> ''),
    title             text NOT NULL DEFAULT '',
    unit_id           bigint,
    level             text CHECK (level IN ('executive', 'manager', 'staff')),
    reports_to        bigint,
    email             text,
    phone             text,
    wechat            text,
    preferred_channel text CHECK (preferred_channel IN ('visit', 'meeting', 'call', 'email', 'wechat', 'event', 'demo',
                          'tender-document', 'bid-clarification', 'site-survey', 'contract-review', 'training', 'support', 'other')),
    created_at        timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (account_id, id),
    FOREIGN KEY (account_id, unit_id) REFERENCES unit (account_id, id),
    FOREIGN KEY (account_id, reports_to) REFERENCES stakeholder (account_id, id),
    CHECK (reports_to IS DISTINCT FROM id)
);
CREATE INDEX stakeholder_name_idx ON stakeholder (account_id, name);

CREATE TABLE deal (
    account_id    bigint NOT NULL REFERENCES account ON DELETE CASCADE,
    id            bigserial,
    name          text NOT NULL CHECK (btrim(name) <> ''),
    pipeline_id   bigint NOT NULL REFERENCES pipeline,
    stage_id      bigint NOT NULL,
    status        text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'won', 'lost', 'dropped')),
    method        text CHECK (method IN ('public-tender', 'invited-tender', 'competitive-negotiation',
                      'competitive-consultation', 'single-source', 'inquiry', 'framework', 'direct')),
    amount        numeric(18,2) CHECK (amount >= 0),
    currency      char(3) NOT NULL DEFAULT 'CNY' CHECK (currency ~ '^[A-Z]{3}$'),
    close_by      date,
    closed_on     date,
    close_reason  text,
    owner_id      bigint REFERENCES app_user,
    created_at    timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (account_id, id),
    UNIQUE (account_id, name),
    FOREIGN KEY (pipeline_id, stage_id) REFERENCES stage (pipeline_id, id),
    CHECK ((status = 'open') = (closed_on IS NULL))
);
CREATE INDEX deal_status_idx ON deal (status, pipeline_id);

CREATE TABLE deal_stage_history (
    account_id   bigint NOT NULL,
    id           bigserial,
    deal_id      bigint NOT NULL,
    stage_id     bigint NOT NULL REFERENCES stage,
    entered_on   date NOT NULL,
    recorded_at  timestamptz NOT NULL DEFAULT now(),
    recorded_by  text,
    PRIMARY KEY (account_id, id),
    FOREIGN KEY (account_id, deal_id) REFERENCES deal (account_id, id) ON DELETE CASCADE
);
CREATE INDEX deal_stage_history_deal_idx ON deal_stage_history (account_id, deal_id, entered_on);

-- A stakeholder's role in one deal. Rows are never updated in place: a change of role,
-- stance or rating closes the current row (valid_to) and opens a new one, so the history
-- of how a person's stance moved is kept. The current decision chain is valid_to IS NULL.
CREATE TABLE buying_influence (
    account_id      bigint NOT NULL,
    id              bigserial,
    deal_id         bigint NOT NULL,
    stakeholder_id  bigint NOT NULL,
    role            text NOT NULL CHECK (role IN ('EB', 'TB', 'UB', 'Coach')),
    influence       text CHECK (influence IN ('high', 'medium', 'low')),
    stance          text CHECK (stance IN ('champion', 'supporter', 'neutral', 'skeptic', 'opponent')),
    mode            text CHECK (mode IN ('growth', 'trouble', 'even-keel', 'overconfident')),
    rating          smallint CHECK (rating BETWEEN -5 AND 5),
    personal_win    text,
    valid_from      date NOT NULL,
    valid_to        date,
    recorded_at     timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (account_id, id),
    FOREIGN KEY (account_id, deal_id) REFERENCES deal (account_id, id) ON DELETE CASCADE,
    FOREIGN KEY (account_id, stakeholder_id) REFERENCES stakeholder (account_id, id) ON DELETE CASCADE,
    CHECK (valid_to IS NULL OR valid_to >= valid_from)
);
-- The Blue Sheet rule: one current economic buyer per deal.
CREATE UNIQUE INDEX buying_influence_one_eb ON buying_influence (account_id, deal_id)
    WHERE role = 'EB' AND valid_to IS NULL;
CREATE UNIQUE INDEX buying_influence_current ON buying_influence (account_id, deal_id, stakeholder_id, role)
    WHERE valid_to IS NULL;

CREATE TABLE touchpoint (
    account_id  bigint NOT NULL REFERENCES account ON DELETE CASCADE,
    id          bigserial,
    deal_id     bigint,
    stage_id    bigint REFERENCES stage,
    at          timestamptz NOT NULL,
    channel     text NOT NULL CHECK (channel IN ('visit', 'meeting', 'call', 'email', 'wechat', 'event', 'demo',
                    'tender-document', 'bid-clarification', 'site-survey', 'contract-review', 'training', 'support', 'other')),
    direction   text NOT NULL DEFAULT 'outbound' CHECK (direction IN ('outbound', 'inbound')),
    summary     text,
    response    text,   -- what we did or said in reply: the journey map's response lane
    logged_by   text,
    created_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (account_id, id),
    FOREIGN KEY (account_id, deal_id) REFERENCES deal (account_id, id) ON DELETE CASCADE
);
CREATE INDEX touchpoint_at_idx ON touchpoint (account_id, at);
CREATE INDEX touchpoint_deal_idx ON touchpoint (account_id, deal_id, at);

CREATE TABLE participant (
    account_id      bigint NOT NULL,
    touchpoint_id   bigint NOT NULL,
    stakeholder_id  bigint NOT NULL,
    emotion         smallint CHECK (emotion BETWEEN -3 AND 3),
    emotion_label   text,
    quote           text,
    PRIMARY KEY (account_id, touchpoint_id, stakeholder_id),
    FOREIGN KEY (account_id, touchpoint_id) REFERENCES touchpoint (account_id, id) ON DELETE CASCADE,
    FOREIGN KEY (account_id, stakeholder_id) REFERENCES stakeholder (account_id, id) ON DELETE CASCADE
);
CREATE INDEX participant_stakeholder_idx ON participant (account_id, stakeholder_id);

CREATE TABLE pain_point (
    account_id      bigint NOT NULL,
    id              bigserial,
    touchpoint_id   bigint NOT NULL,
    stakeholder_id  bigint,
    deal_id         bigint,
    stage_id        bigint REFERENCES stage,
    kind            text NOT NULL DEFAULT 'pain' CHECK (kind IN ('pain', 'need')),
    text            text NOT NULL CHECK (btrim(text) <> ''),
    severity        text NOT NULL DEFAULT 'medium' CHECK (severity IN ('low', 'medium', 'high')),
    status          text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'addressed', 'resolved')),
    response        text,
    raised_on       date NOT NULL,
    responded_on    date,
    resolved_on     date,
    PRIMARY KEY (account_id, id),
    FOREIGN KEY (account_id, touchpoint_id) REFERENCES touchpoint (account_id, id) ON DELETE CASCADE,
    FOREIGN KEY (account_id, stakeholder_id) REFERENCES stakeholder (account_id, id) ON DELETE CASCADE,
    FOREIGN KEY (account_id, deal_id) REFERENCES deal (account_id, id) ON DELETE CASCADE,
    CHECK (status = 'open' OR response IS NOT NULL OR status = 'resolved')
);
CREATE INDEX pain_point_status_idx ON pain_point (account_id, status);

-- An accepted communication-plan item: a task with an owner. uid is the item's stable
-- identity (rule + deal + stakeholder + theme), so accepting the same plan twice adds nothing.
CREATE TABLE plan_item (
    account_id      bigint NOT NULL,
    id              bigserial,
    uid             text NOT NULL,
    deal_id         bigint,
    stakeholder_id  bigint,
    stage_id        bigint REFERENCES stage,
    role            text CHECK (role IN ('EB', 'TB', 'UB', 'Coach')),
    rule            text NOT NULL,
    action          text NOT NULL,
    channel         text,
    theme           text,
    due             date NOT NULL,
    priority        text NOT NULL CHECK (priority IN ('high', 'medium', 'low')),
    why             text NOT NULL,
    status          text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'done', 'cancelled')),
    owner           text,
    created_at      timestamptz NOT NULL DEFAULT now(),
    done_at         timestamptz,
    done_by_touchpoint bigint,
    PRIMARY KEY (account_id, id),
    UNIQUE (account_id, uid),
    FOREIGN KEY (account_id, deal_id) REFERENCES deal (account_id, id) ON DELETE CASCADE,
    FOREIGN KEY (account_id, stakeholder_id) REFERENCES stakeholder (account_id, id) ON DELETE CASCADE
);
CREATE INDEX plan_item_open_idx ON plan_item (status, due);
