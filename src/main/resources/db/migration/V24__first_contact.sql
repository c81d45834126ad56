-- First contact (issue #28): when a person first reached the customer of a referral — the first call, email or meeting
-- recorded as done, or a meeting booked (activity.ActivityType says which types count) —, who owned the referral then,
-- and whether that was within one business day of its creation on the referral's business calendar (computed in Java
-- from org.relay.calendar when the contact is recorded; SQL cannot know the holidays).
alter table referral add column first_contact_at timestamp with time zone;
alter table referral add column first_contact_by varchar(64);
alter table referral add column first_contact_within_business_day boolean;

-- referrals contacted before this version: their first contact from the activities already recorded, timed when it was
-- recorded; the owner then is not known, the owner now (else who recorded it) stands in. The business-day flag is
-- left null here and filled at start-up (activity.FirstContactBackfill).
update referral set first_contact_at = (select min(a.recorded_at) from activity a
        where a.referral_id = referral.id and a.done = true and a.type in ('CALL', 'EMAIL', 'MEETING'))
    where exists (select 1 from activity a where a.referral_id = referral.id and a.done = true and a.type in ('CALL', 'EMAIL', 'MEETING'));
update referral set first_contact_by = coalesce(owner_id, (select min(a.recorded_by) from activity a
        where a.referral_id = referral.id and a.recorded_at = referral.first_contact_at))
    where first_contact_at is not null;

-- The speed report's first-contact figures per month, recipient (the owner at first contact; for a referral not yet
-- contacted its owner now, null while nobody owns it) and the filter dimensions, with hours to first contact in the
-- buckets of analytics.HourBuckets (median and p90 are read off them).
create table first_contact_monthly_rollup (
    created_month        date         not null,
    recipient_id         varchar(64),
    queue_id             varchar(64),
    expressed_interest   varchar(40)  not null,
    source_channel       varchar(40)  not null,
    record_type          varchar(40)  not null,
    referrals            bigint       not null,
    contacted            bigint       not null,
    within_hour          bigint       not null,
    within_business_day  bigint       not null,
    contact_h0                bigint       not null,
    contact_h1                bigint       not null,
    contact_h2                bigint       not null,
    contact_h3                bigint       not null,
    contact_h4                bigint       not null,
    contact_h5                bigint       not null,
    contact_h6                bigint       not null,
    contact_h7                bigint       not null,
    contact_h8                bigint       not null,
    contact_h9                bigint       not null,
    contact_h10               bigint       not null,
    contact_h11               bigint       not null,
    contact_h12               bigint       not null
);
create index first_contact_monthly_rollup_queue_month_idx on first_contact_monthly_rollup (queue_id, created_month);

-- the new rollup is empty: forgetting the last rebuild makes the next run rebuild every month (reports read the
-- referral table until then)
delete from report_rollup_state;
