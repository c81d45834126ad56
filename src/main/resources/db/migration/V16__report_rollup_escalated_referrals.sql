-- The speed report's "escalations" now counts escalated referrals (a referral escalated twice counts once), so that
-- the dashboard's bar equals the list its drill-down opens. The rollups hold the old count (escalation events):
-- forgetting their last rebuild makes the next run rebuild every month, and reports read the referral table until then.
delete from report_rollup_state;
