-- One row per action that must not run twice at once: a request locks its row for its transaction
-- (RunLocks.hold: select ... for update), then checks and acts, so a second request waits and sees the first's result.
create table run_lock (
    name varchar(64) primary key
);

insert into run_lock (name) values ('lead-score-training');
