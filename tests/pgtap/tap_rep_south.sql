-- As tap_rep_south (team 南区): the mirror image, and the north rep's work stays unseen.
BEGIN;
SELECT plan(5);
SELECT is(session_user::text, 'tap_rep_south', 'connected as the rep');
SELECT results_eq('SELECT name FROM account ORDER BY id', ARRAY['南区客户'], 'only the own team''s account');
SELECT is_empty('SELECT 1 FROM touchpoint WHERE account_id = 9001', 'the north team''s touchpoints, the new one too, are invisible');
SELECT results_eq('SELECT summary FROM touchpoint ORDER BY id', ARRAY['南区拜访'], 'the own touchpoint, untouched');
SELECT throws_ok($$DELETE FROM audit_log$$, '42501', NULL, 'the audit cannot be deleted');
SELECT * FROM finish();
ROLLBACK;
