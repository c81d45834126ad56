-- Log the creation months touched by each statement on referral and referral_event into report_rollup_change,
-- so a rollup rebuild redoes only those months (see V14). Statement-level with transition tables: a bulk insert of
-- a million referrals logs one row per month, not a million rows. PostgreSQL allows a transition table only on a
-- trigger for one event, hence one trigger per event.

create function relay_referral_rollup_change() returns trigger language plpgsql as $$
begin
    if tg_op <> 'DELETE' then
        insert into report_rollup_change (created_month)
        select distinct cast(date_trunc('month', created_at at time zone 'UTC') as date) from changed_new;
    end if;
    if tg_op <> 'INSERT' then
        insert into report_rollup_change (created_month)
        select distinct cast(date_trunc('month', created_at at time zone 'UTC') as date) from changed_old;
    end if;
    return null;
end $$;

create trigger referral_rollup_change_insert after insert on referral
    referencing new table as changed_new for each statement execute function relay_referral_rollup_change();
create trigger referral_rollup_change_update after update on referral
    referencing old table as changed_old new table as changed_new for each statement execute function relay_referral_rollup_change();
create trigger referral_rollup_change_delete after delete on referral
    referencing old table as changed_old for each statement execute function relay_referral_rollup_change();

-- the referral rollup counts escalations from the events; an event's month is its referral's
create function relay_referral_event_rollup_change() returns trigger language plpgsql as $$
begin
    if tg_op <> 'DELETE' then
        insert into report_rollup_change (created_month)
        select distinct cast(date_trunc('month', r.created_at at time zone 'UTC') as date)
        from changed_new e join referral r on r.id = e.referral_id where e.type in ('ESCALATED', 'IDLE_ESCALATED');
    end if;
    if tg_op <> 'INSERT' then
        insert into report_rollup_change (created_month)
        select distinct cast(date_trunc('month', r.created_at at time zone 'UTC') as date)
        from changed_old e join referral r on r.id = e.referral_id where e.type in ('ESCALATED', 'IDLE_ESCALATED');
    end if;
    return null;
end $$;

create trigger referral_event_rollup_change_insert after insert on referral_event
    referencing new table as changed_new for each statement execute function relay_referral_event_rollup_change();
create trigger referral_event_rollup_change_update after update on referral_event
    referencing old table as changed_old new table as changed_new for each statement execute function relay_referral_event_rollup_change();
create trigger referral_event_rollup_change_delete after delete on referral_event
    referencing old table as changed_old for each statement execute function relay_referral_event_rollup_change();

-- a truncate logs no rows: forget the last rebuild instead, so the next one redoes everything
create function relay_forget_rollup_rebuild() returns trigger language plpgsql as $$
begin
    delete from report_rollup_state;
    return null;
end $$;

create trigger referral_rollup_truncate after truncate on referral
    for each statement execute function relay_forget_rollup_rebuild();
create trigger referral_event_rollup_truncate after truncate on referral_event
    for each statement execute function relay_forget_rollup_rebuild();
