-- Languages (issue #30). Each colleague's own language, kept with their recipient settings (null: the configured
-- default); the language of a customer's request (their mails and status page speak it; null: the default); and the
-- language of the consent text they agreed to, beside its version.
alter table recipient add column language varchar(8);
alter table referral add column customer_language varchar(8);
alter table referral add column consent_language varchar(8);

-- Consent texts are kept per version AND language: the French text of version 2026-11 is a text of its own. Texts
-- stored before are the configured default language's (English unless relay.i18n.default-language said otherwise).
alter table consent_text add column language varchar(8) not null default 'en';
alter table consent_text drop constraint consent_text_pkey;
alter table consent_text add primary key (version, language);
