-- Mail for bulk work is a digest (issue #27): each imported referral remembers its import, and each import whether
-- its leads are announced by the import's digest mails (set when the file is staged, from relay.imports.digest).
alter table import_dedup add column import_id bigint;
create index import_dedup_import_idx on import_dedup (import_id);

alter table import_job add column mail_digest boolean not null default false;
