-- As tap_trainer: no live account at all.
BEGIN;
SELECT plan(3);
SELECT is(session_user::text, 'tap_trainer', 'connected as the trainer');
SELECT is_empty('SELECT 1 FROM account', 'a trainer sees no live account');
SELECT is_empty('SELECT 1 FROM touchpoint', 'nor anything hanging off one');
SELECT * FROM finish();
ROLLBACK;
