-- Search by customer name (GET /api/referrals?q=): the demo's referrals written before every customer name was
-- normalised (the synthetic history) become searchable too; erased ones keep a null name key. The demo database is
-- small: no trigram index here (PostgreSQL's V16 has one).
update referral set customer_name_normalized = lower(regexp_replace(trim(customer_name), '\s+', ' '))
 where customer_name_normalized is null and erased_at is null;
