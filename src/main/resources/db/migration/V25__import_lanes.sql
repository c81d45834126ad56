-- A CSV import runs in lanes side by side (relay.imports.lanes), each a chain of batch jobs. A row's lane is decided
-- by its customer when the file is staged, so one customer's rows (repeats, other interests) are imported one after
-- the other in the same lane: duplicate checks and related-referral notes see each other.
alter table import_row add column lane smallint not null default 0;
alter table import_job add column lanes integer not null default 1;
create index import_row_lane_idx on import_row (import_id, lane, row_number);
