-- Two teams on one database, laid out by the superuser before pg_prove runs the
-- checks as each login. Account ids are fixed so the checks can name rows they
-- must not see.
CREATE SCHEMA tap;
CREATE EXTENSION pgtap SCHEMA tap;
GRANT USAGE ON SCHEMA tap TO PUBLIC;

INSERT INTO team (name) VALUES ('北区'), ('南区');
SELECT dchain_login_create(l, NULL, g)
FROM (VALUES ('tap_rep_north', 'rep'), ('tap_rep_south', 'rep'), ('tap_admin', 'admin'), ('tap_trainer', 'trainer')) v(l, g);
INSERT INTO app_user (login, name, team_id, role) VALUES
    ('tap_rep_north', '北', (SELECT id FROM team WHERE name = '北区'), 'rep'),
    ('tap_rep_south', '南', (SELECT id FROM team WHERE name = '南区'), 'rep'),
    ('tap_admin', '管理员', NULL, 'admin'),
    ('tap_trainer', '培训师', NULL, 'trainer');

INSERT INTO account (id, name, kind, team_id) VALUES
    (9001, '北区客户', 'government', (SELECT id FROM team WHERE name = '北区')),
    (9002, '南区客户', 'government', (SELECT id FROM team WHERE name = '南区')),
    (9003, '无主客户', 'enterprise', NULL);
INSERT INTO stakeholder (account_id, id, name) VALUES (9001, 9101, '王局长'), (9002, 9102, '李局长');
INSERT INTO deal (account_id, id, name, pipeline_id, stage_id)
SELECT a, a + 200, '项目' || a, p.id, s.id FROM (VALUES (9001), (9002)) v(a), pipeline p JOIN stage s ON s.pipeline_id = p.id
WHERE p.key = 'government' AND s.key = 'needs';
INSERT INTO touchpoint (account_id, id, deal_id, at, channel, summary) VALUES
    (9001, 9301, 9201, '2026-03-01', 'visit', '北区拜访'), (9002, 9302, 9202, '2026-03-01', 'visit', '南区拜访');
INSERT INTO participant (account_id, touchpoint_id, stakeholder_id, emotion) VALUES (9001, 9301, 9101, 1), (9002, 9302, 9102, -1);
INSERT INTO pain_point (account_id, touchpoint_id, stakeholder_id, text, raised_on) VALUES
    (9001, 9301, 9101, '北区痛点', '2026-03-01'), (9002, 9302, 9102, '南区痛点', '2026-03-01');
