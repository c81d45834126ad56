-- Lead-score models trained on Relay's own closed referrals (processes/lead-score-training.bpmn). One row per
-- training run, whether or not it went live, so the quality of every version stays on record.
create table lead_score_model (
    version              integer primary key,
    status               varchar(20)  not null,   -- ACTIVE, RETIRED, REJECTED
    algorithm            varchar(80)  not null,
    trained_at           timestamp with time zone not null,
    training_rows        integer      not null,
    training_converted   integer      not null,
    holdout_rows         integer      not null,
    auc                  double precision,
    auc_prior            double precision,
    auc_naive_bayes      double precision,
    auc_source_rate      double precision,
    brier                double precision,
    brier_prior          double precision,
    calibration          text,                    -- JSON: predicted vs observed conversion by score decile
    decision             varchar(400) not null,   -- why it went live or not
    weights              text,                    -- JSON: effective log-odds weight per feature value, and the bias
    baselines            text,                    -- JSON: mean contribution per feature group over the training data
    model_bytes          bytea                    -- the Tribuo model (protobuf), for provenance and re-evaluation
);

-- Which model scored the referral, and the referrer's score when it was scored (a training input with no look-ahead).
alter table referral add column lead_score_model varchar(20);
alter table referral add column referrer_score_at_intake integer;
alter table referral add column task_priority integer;
create index referral_referrer_status_idx on referral (referrer_id, status);

-- Each referrer's track record: smoothed, recency-weighted conversion rate (ReferrerScore), refreshed when one of
-- their referrals converts or closes and nightly (the weights decay with time).
create table referrer_standing (
    referrer_id          varchar(64)  primary key,
    referrer_type        varchar(20)  not null,
    referrer_name        varchar(200),
    referrals_made       integer      not null,
    decided              integer      not null,
    converted            integer      not null,
    weighted_decided     double precision not null,
    weighted_converted   double precision not null,
    score                integer      not null,
    updated_at           timestamp with time zone not null,
    version              bigint       not null default 0
);
create index referrer_standing_score_idx on referrer_standing (score desc, converted desc);
