-- Matching keys for spotting the same customer across referrals: email lower-cased, phone in E.164.
alter table referral add column customer_email_normalized varchar(254);
alter table referral add column customer_phone_normalized varchar(40);

create index referral_email_normalized_idx on referral (customer_email_normalized);
create index referral_phone_normalized_idx on referral (customer_phone_normalized);
create index referral_existing_customer_idx on referral (existing_customer_id);
