-- The sample account for the ICS check (the seed's government case): every
-- role held, the TB frustrated at contract negotiation by unclear terms.
-- Also loaded by PlanStoreSample in Tests/DecisionChainStoreTests/PlanItemStoreTests.swift.
SET TimeZone = 'UTC';
INSERT INTO app_user (login, name) VALUES ('liwei', 'Li Wei'), ('tester', 'Tester');
INSERT INTO account (name, kind, code) VALUES ('市数据局', 'government', 'SDJ'), ('Harbour Port Group', 'soe', 'HPG');
INSERT INTO stakeholder (account_id, name, title, level, preferred_channel)
SELECT a.id, v.name, v.title, v.level, v.pc FROM account a,
    (VALUES ('王建国', '局长', 'executive', 'visit'), ('李明', '信息化处处长', 'manager', NULL),
            ('张丽', '科长', 'staff', 'wechat'), ('赵工', '工程师', 'staff', 'wechat')) v (name, title, level, pc)
WHERE a.code = 'SDJ';
INSERT INTO stakeholder (account_id, name, title) SELECT id, 'Ms Chen', 'CIO' FROM account WHERE code = 'HPG';
INSERT INTO deal (account_id, name, pipeline_id, stage_id, method, amount, owner_id)
SELECT a.id, '政务云平台', p.id, s.id, 'public-tender', 3800000, u.id
FROM account a, pipeline p JOIN stage s ON s.pipeline_id = p.id AND s.key = 'contract', app_user u
WHERE a.code = 'SDJ' AND p.key = 'government' AND u.login = 'liwei';
INSERT INTO deal (account_id, name, pipeline_id, stage_id)
SELECT a.id, 'Berth scheduling', p.id, s.id FROM account a, pipeline p JOIN stage s ON s.pipeline_id = p.id AND s.key = 'solution'
WHERE a.code = 'HPG' AND p.key = 'enterprise';
INSERT INTO deal_stage_history (account_id, deal_id, stage_id, entered_on)
SELECT d.account_id, d.id, s.id, v.day::date FROM deal d JOIN stage s ON s.pipeline_id = d.pipeline_id
JOIN (VALUES ('needs', '2025-10-01'), ('contract', '2026-04-01'), ('solution', '2026-03-01')) v (key, day) ON v.key = s.key;
INSERT INTO buying_influence (account_id, deal_id, stakeholder_id, role, influence, stance, valid_from)
SELECT d.account_id, d.id, sh.id, v.role, v.inf, v.stance, '2025-10-01' FROM deal d
JOIN stakeholder sh ON sh.account_id = d.account_id
JOIN (VALUES ('王建国', 'EB', 'high', 'supporter'), ('李明', 'TB', 'high', 'skeptic'), ('张丽', 'UB', 'medium', 'supporter'),
             ('赵工', 'Coach', 'low', 'champion'), ('Ms Chen', 'EB', 'high', 'neutral')) v (name, role, inf, stance) ON v.name = sh.name;
INSERT INTO touchpoint (account_id, deal_id, stage_id, at, channel, summary)
SELECT d.account_id, d.id, s.id, v.at::timestamp, v.channel, v.summary FROM deal d JOIN stage s ON s.pipeline_id = d.pipeline_id
JOIN (VALUES ('needs', '2025-10-10 10:00', 'visit', 'kickoff'), ('bidding', '2026-02-20 14:00', 'meeting', 'bid q&a'),
             ('contract', '2026-04-08 09:30', 'contract-review', 'contract review'),
             ('contract', '2026-04-20 20:00', 'wechat', 'coach chat')) v (stage, at, channel, summary) ON v.stage = s.key
WHERE d.name = '政务云平台';
INSERT INTO participant (account_id, touchpoint_id, stakeholder_id, emotion, emotion_label)
SELECT t.account_id, t.id, sh.id, v.emotion, v.label FROM touchpoint t
JOIN (VALUES ('kickoff', '王建国', 1, 'interested'), ('bid q&a', '李明', 1, 'interested'), ('bid q&a', '张丽', 2, 'satisfied'),
             ('contract review', '李明', -3, 'frustrated'), ('coach chat', '赵工', 1, 'trusting')) v (summary, name, emotion, label)
    ON v.summary = t.summary
JOIN stakeholder sh ON sh.account_id = t.account_id AND sh.name = v.name;
INSERT INTO pain_point (account_id, touchpoint_id, stakeholder_id, deal_id, stage_id, text, severity, raised_on)
SELECT t.account_id, t.id, sh.id, t.deal_id, t.stage_id, 'Contract terms unclear: acceptance and liability', 'high', '2026-04-08'
FROM touchpoint t JOIN stakeholder sh ON sh.account_id = t.account_id AND sh.name = '李明' WHERE t.summary = 'contract review';
