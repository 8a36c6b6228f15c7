-- A cycle's volume plan per city and month (forecast from history, then the manager's plan spread over
-- cities and months by the forecast), and its quarterly review bands.
create table cycle_city_plan (
    process_instance_id  varchar(64)    not null,
    city_id              varchar(64)    not null,
    plan_month           integer        not null,
    forecast_volume      numeric(19, 2) not null,
    plan_volume          numeric(19, 2),
    primary key (process_instance_id, city_id, plan_month)
);

create table cycle_review (
    process_instance_id  varchar(64)    not null,
    quarter              integer        not null,
    subject_type         varchar(16)    not null,
    subject_id           varchar(64)    not null,
    actual               numeric(19, 2) not null,
    plan                 numeric(19, 2) not null,
    band                 varchar(16)    not null,
    reason_zh            varchar(4000)  not null,
    reason_en            varchar(4000)  not null,
    primary key (process_instance_id, quarter, subject_type, subject_id)
);
