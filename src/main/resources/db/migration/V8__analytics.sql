-- Where leads come from: the marketing campaign code (API field "campaign", CSV column "campaign"/"utm_campaign").
alter table referral add column campaign varchar(80);

-- Reports filter referrals by creation date, then by queue (line of business), product or source.
create index referral_created_idx on referral (created_at);
create index referral_queue_created_idx on referral (queue_id, created_at);
