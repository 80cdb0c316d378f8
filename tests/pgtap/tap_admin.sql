-- As tap_admin: every team's accounts, and proof the reps' attempts changed nothing.
BEGIN;
SELECT plan(7);
SELECT is(session_user::text, 'tap_admin', 'connected as the admin, not a superuser');
SELECT ok(NOT (SELECT rolsuper OR rolbypassrls FROM pg_roles WHERE rolname = session_user), 'the admin neither is superuser nor bypasses RLS');
SELECT results_eq('SELECT name FROM account ORDER BY id', ARRAY['北区客户', '南区客户', '无主客户'], 'every account, the unassigned one too');
SELECT is((SELECT count(*)::int FROM touchpoint WHERE summary = 'hacked'), 0, 'the north rep''s update of a south touchpoint changed nothing');
SELECT is((SELECT count(*)::int FROM pain_point WHERE account_id = 9002), 1, 'the north rep''s delete of a south pain point changed nothing');
SELECT is((SELECT count(*)::int FROM touchpoint WHERE account_id = 9001), 2, 'the north rep''s own touchpoint landed');
SELECT is_empty($$
    SELECT c.relname FROM pg_class c JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname = 'account_id'
    WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'p') AND NOT (c.relrowsecurity AND c.relforcerowsecurity)
$$, 'every table with account_id has row-level security enabled and forced');
SELECT * FROM finish();
ROLLBACK;
