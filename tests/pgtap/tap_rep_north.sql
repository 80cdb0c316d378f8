-- As tap_rep_north (team 北区): own team's rows only; the other team's are
-- invisible, and writing them is refused or changes nothing.
BEGIN;
SELECT plan(16);

SELECT is(session_user::text, 'tap_rep_north', 'connected as the rep, not a superuser');
SELECT ok(NOT (SELECT rolsuper OR rolbypassrls FROM pg_roles WHERE rolname = session_user), 'the rep neither is superuser nor bypasses RLS');
SELECT results_eq('SELECT name FROM account ORDER BY id', ARRAY['北区客户'], 'only the own team''s account');
SELECT is_empty('SELECT 1 FROM stakeholder WHERE account_id = 9002', 'the other team''s stakeholders are invisible');
SELECT is_empty('SELECT 1 FROM deal WHERE account_id = 9002', 'the other team''s deals are invisible');
SELECT is_empty('SELECT 1 FROM touchpoint WHERE account_id = 9002', 'the other team''s touchpoints are invisible');
SELECT is_empty('SELECT 1 FROM participant WHERE account_id = 9002', 'the other team''s participants are invisible');
SELECT is_empty('SELECT 1 FROM pain_point WHERE account_id = 9002', 'the other team''s pain points are invisible');
SELECT is_empty('SELECT 1 FROM audit_log WHERE account_id IN (9002, 9003)', 'the other team''s audit entries are invisible');
SELECT is_empty('SELECT 1 FROM account WHERE id = 9003', 'an account with no team is not the rep''s');
SELECT throws_ok($$INSERT INTO touchpoint (account_id, at, channel) VALUES (9002, now(), 'call')$$, '42501',
                 NULL, 'logging at the other team''s account is refused');
SELECT throws_ok($$UPDATE account SET team_id = (SELECT id FROM team WHERE name = '南区') WHERE id = 9001$$, '42501',
                 NULL, 'handing an own account to the other team is refused');
SELECT throws_ok($$INSERT INTO audit_log (actor, table_name, op) VALUES ('someone', 'account', 'INSERT')$$, '42501',
                 NULL, 'the audit cannot be written by hand');
SELECT throws_ok($$SELECT dchain_login_create('tap_mallory', NULL, 'admin')$$, '42501', NULL, 'a rep cannot create logins');
SELECT lives_ok($$INSERT INTO touchpoint (account_id, at, channel, summary) VALUES (9001, now(), 'call', '北区回访')$$,
                'logging at the own account works');
SELECT is((SELECT actor FROM audit_log WHERE table_name = 'touchpoint' ORDER BY id DESC LIMIT 1), 'tap_rep_north',
          'the audit names the login');

SELECT * FROM finish();
-- Attempts whose effect the admin's checks look for: they must change nothing.
UPDATE touchpoint SET summary = 'hacked' WHERE account_id = 9002;
DELETE FROM pain_point WHERE account_id = 9002;
COMMIT;
