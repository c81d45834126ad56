-- Languages (issue #30): the language an advocate or partner reads Relay in — the referrer mails and their signed-link
-- page (/public/referrals/{token}); null: the configured default. Set by managers through PUT /api/advocates/{code}.
alter table advocate add column language varchar(8);
