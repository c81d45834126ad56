-- Where leads come from: the marketing campaign code (API field "campaign", CSV column "campaign"/"utm_campaign").
alter table referral add column campaign varchar(80);

-- A queue belongs to a line of business (retail banking, wealth, …): reports can be narrowed to one.
alter table routing_queue add column line_of_business varchar(64);

-- Reports filter referrals by creation date, then by queue (line of business), product or source.
create index referral_created_idx on referral (created_at);
create index referral_queue_created_idx on referral (queue_id, created_at);

-- Monthly rollups the reports read instead of scanning every referral (processes/report-rollup.bpmn rebuilds them
-- every few minutes). One row per month of creation and combination of the filter dimensions.
create table referral_monthly_rollup (
    created_month        date         not null,
    queue_id             varchar(64),
    expressed_interest   varchar(40)  not null,
    source_channel       varchar(40)  not null,
    record_type          varchar(40)  not null,
    kind                 varchar(16)  not null,
    campaign             varchar(80),
    created              bigint       not null,
    assigned             bigint       not null,
    accepted             bigint       not null,
    converted            bigint       not null,
    closed_lost          bigint       not null,
    open_now             bigint       not null,
    converted_value      numeric(24, 2) not null,
    overdue              bigint       not null,
    escalations          bigint       not null,
    acted_within_hour    bigint       not null,
    week_old             bigint       not null,
    never_followed_up    bigint       not null,
    -- hours from creation to acceptance (accept_h*) and to the first activity (activity_h*), counted in the
    -- buckets of analytics.HourBuckets: medians and p90 are read off these histograms
    accept_h0                 bigint       not null,
    accept_h1                 bigint       not null,
    accept_h2                 bigint       not null,
    accept_h3                 bigint       not null,
    accept_h4                 bigint       not null,
    accept_h5                 bigint       not null,
    accept_h6                 bigint       not null,
    accept_h7                 bigint       not null,
    accept_h8                 bigint       not null,
    accept_h9                 bigint       not null,
    accept_h10                bigint       not null,
    accept_h11                bigint       not null,
    accept_h12                bigint       not null,
    activity_h0               bigint       not null,
    activity_h1               bigint       not null,
    activity_h2               bigint       not null,
    activity_h3               bigint       not null,
    activity_h4               bigint       not null,
    activity_h5               bigint       not null,
    activity_h6               bigint       not null,
    activity_h7               bigint       not null,
    activity_h8               bigint       not null,
    activity_h9               bigint       not null,
    activity_h10              bigint       not null,
    activity_h11              bigint       not null,
    activity_h12              bigint       not null
);
create index referral_monthly_rollup_month_idx on referral_monthly_rollup (created_month);

create table referrer_monthly_rollup (
    created_month        date         not null,
    referrer_id          varchar(64)  not null,
    referrer_name        varchar(200),
    queue_id             varchar(64),
    referrals            bigint       not null,
    converted            bigint       not null,
    converted_value      numeric(24, 2) not null
);
create index referrer_monthly_rollup_queue_month_idx on referrer_monthly_rollup (queue_id, created_month);

-- Who converts: per recipient (owner), hours to accept and to convert in the same buckets.
create table recipient_monthly_rollup (
    created_month        date         not null,
    owner_id             varchar(64)  not null,
    queue_id             varchar(64),
    expressed_interest   varchar(40)  not null,
    source_channel       varchar(40)  not null,
    record_type          varchar(40)  not null,
    owned                bigint       not null,
    accepted             bigint       not null,
    converted            bigint       not null,
    closed_lost          bigint       not null,
    accept_h0                 bigint       not null,
    accept_h1                 bigint       not null,
    accept_h2                 bigint       not null,
    accept_h3                 bigint       not null,
    accept_h4                 bigint       not null,
    accept_h5                 bigint       not null,
    accept_h6                 bigint       not null,
    accept_h7                 bigint       not null,
    accept_h8                 bigint       not null,
    accept_h9                 bigint       not null,
    accept_h10                bigint       not null,
    accept_h11                bigint       not null,
    accept_h12                bigint       not null,
    convert_h0                bigint       not null,
    convert_h1                bigint       not null,
    convert_h2                bigint       not null,
    convert_h3                bigint       not null,
    convert_h4                bigint       not null,
    convert_h5                bigint       not null,
    convert_h6                bigint       not null,
    convert_h7                bigint       not null,
    convert_h8                bigint       not null,
    convert_h9                bigint       not null,
    convert_h10               bigint       not null,
    convert_h11               bigint       not null,
    convert_h12               bigint       not null
);
create index recipient_monthly_rollup_queue_month_idx on recipient_monthly_rollup (queue_id, created_month);

create table report_rollup_state (
    id                   integer      primary key,
    refreshed_at         timestamp with time zone not null,
    rows_read            bigint       not null,
    duration_ms          bigint       not null
);
