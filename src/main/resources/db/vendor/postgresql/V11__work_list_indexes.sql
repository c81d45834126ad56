-- The work lists by priority ("my open referrals", a queue's open referrals; GET /api/users/{id}/open-referrals and
-- GET /api/queues/{id}/open-referrals with sort=priority) walk these in order and stop after one page, instead of
-- reading and sorting every open referral of the user or queue (10 000 in a large queue: docs/benchmarks.md).
-- Partial: closed referrals, which pile up over the years, are not in them.
create index referral_owner_open_priority_idx on referral
    (owner_id, task_priority desc nulls last, lead_score desc nulls last, reference_number)
    where status in ('NEW', 'ASSIGNED', 'ACCEPTED', 'IN_PROGRESS');
create index referral_queue_open_priority_idx on referral
    (queue_id, task_priority desc nulls last, lead_score desc nulls last, reference_number)
    where status in ('NEW', 'ASSIGNED', 'ACCEPTED', 'IN_PROGRESS');
