-- When a referral's personal data was erased on request or anonymised at the end of its retention period. The row
-- stays (status, product, record type, stage timestamps, outcome) so that counts and durations in reports stay right.
alter table referral add column erased_at timestamp with time zone;

-- Why Relay may hold the customer's data: the lawful basis a colleague chose (relay.data-protection.lawful-bases),
-- or CONSENT with the version of the text the customer agreed to and when.
alter table referral add column lawful_basis varchar(40);
alter table referral add column consent_version varchar(40);
alter table referral add column consent_given_at timestamp with time zone;

-- Every consent text ever shown, by version: what a customer agreed to stays provable after the page changes.
create table consent_text (
    version        varchar(40) primary key,
    text           varchar(4000) not null,
    first_shown_at timestamp with time zone not null
);
