-- H2 (the embedded demo database of `mvn spring-boot:run`) has no partial indexes: the same work-list indexes over
-- every referral. Production and the tests run PostgreSQL's partial ones (vendor/postgresql/V11).
create index referral_owner_open_priority_idx on referral
    (owner_id, task_priority desc nulls last, lead_score desc nulls last, reference_number);
create index referral_queue_open_priority_idx on referral
    (queue_id, task_priority desc nulls last, lead_score desc nulls last, reference_number);
