-- Routing: who can take referrals and how many, advocates owned by a salesperson, customers' advisors per queue.

-- A recipient's availability. A user without a row is active, present, at the default capacity.
create table recipient (
    user_id          varchar(64) primary key,
    capacity         integer,
    absent           boolean not null default false,
    active           boolean not null default true,
    last_assigned_at timestamp with time zone
);

-- An external advocate (or partner) and the salesperson who owns the relationship with them.
create table advocate (
    code          varchar(64) primary key,
    name          varchar(200) not null,
    owner_user_id varchar(64)  not null,
    active        boolean      not null default true
);

-- An existing customer's advisor in one line of business (queue).
create table customer_advisor (
    existing_customer_id varchar(64) not null,
    queue_id             varchar(64) not null,
    advisor_user_id      varchar(64) not null,
    primary key (existing_customer_id, queue_id)
);

alter table referral add column routing_basis varchar(24);
alter table referral add column review_due_at timestamp with time zone;
alter table referral add column overdue_at timestamp with time zone;
