-- Matching keys for spotting the same customer across referrals: email lower-cased, phone in E.164, and name with
-- date of birth or postcode.
alter table referral add column customer_email_normalized varchar(254);
alter table referral add column customer_phone_normalized varchar(40);
alter table referral add column customer_name_normalized varchar(200);
alter table referral add column customer_postcode varchar(20);
alter table referral add column customer_date_of_birth date;

create index referral_name_normalized_idx on referral (customer_name_normalized);

create index referral_email_normalized_idx on referral (customer_email_normalized);
create index referral_phone_normalized_idx on referral (customer_phone_normalized);
create index referral_existing_customer_idx on referral (existing_customer_id);
