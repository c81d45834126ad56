-- Search by customer name (GET /api/referrals?q=, Cockpit's Referrals page): part of a name anywhere in it, so a
-- trigram index (pg_trgm, a trusted extension since PostgreSQL 13: the database's owner may create it). Where the
-- extension cannot be created the search still works, reading the whole table (docs/operations.md says so).
do $$
begin
    create extension if not exists pg_trgm;
exception when insufficient_privilege or undefined_file then
    raise warning 'pg_trgm not available (%): searching referrals by customer name reads the whole table', sqlerrm;
end $$;

do $$
begin
    if exists (select 1 from pg_extension where extname = 'pg_trgm') then
        create index if not exists referral_name_search_idx on referral
            using gin (customer_name_normalized gin_trgm_ops);
    end if;
end $$;

-- Referrals written before every customer name was normalised (the synthetic history): searchable too. Erased ones
-- keep a null name key: nobody finds them by their old name.
update referral set customer_name_normalized = lower(regexp_replace(trim(customer_name), '\s+', ' ', 'g'))
 where customer_name_normalized is null and erased_at is null;
