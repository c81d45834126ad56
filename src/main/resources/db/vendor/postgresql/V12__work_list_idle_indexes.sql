-- The work lists longest idle first (the default order of GET /api/users/{id}/open-referrals and
-- GET /api/queues/{id}/open-referrals): "idle since" is the last activity, else acceptance, assignment, creation.
-- Indexing that expression, as the queries write it, lets PostgreSQL read one page in order instead of sorting
-- every open referral of the user or queue (docs/benchmarks.md). Partial, like V11.
create index referral_owner_open_idle_idx on referral
    (owner_id, coalesce(last_activity_at, accepted_at, assigned_at, created_at), reference_number)
    where status in ('NEW', 'ASSIGNED', 'ACCEPTED', 'IN_PROGRESS');
create index referral_queue_open_idle_idx on referral
    (queue_id, coalesce(last_activity_at, accepted_at, assigned_at, created_at), reference_number)
    where status in ('NEW', 'ASSIGNED', 'ACCEPTED', 'IN_PROGRESS');
