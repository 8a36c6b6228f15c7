-- What the rule tasks of a planning cycle decided, per cycle (process instance): the latest evaluation
-- wins here; every evaluation stays in the decision audit trail.
create table cycle_dealer_tier (
    process_instance_id  varchar(64)   not null,
    dealer_id            varchar(64)   not null,
    region_id            varchar(64)   not null,
    tier                 varchar(8)    not null,
    flags                varchar(200)  not null,
    reason_zh            varchar(4000) not null,
    reason_en            varchar(4000) not null,
    rule_version         varchar(120)  not null,
    primary key (process_instance_id, dealer_id)
);

create table cycle_city_strategy (
    process_instance_id  varchar(64)   not null,
    city_id              varchar(64)   not null,
    region_id            varchar(64)   not null,
    strategy             varchar(32)   not null,
    priority             integer       not null,
    range_dropped        boolean       not null,
    reason_zh            varchar(4000) not null,
    reason_en            varchar(4000) not null,
    rule_version         varchar(120)  not null,
    primary key (process_instance_id, city_id)
);

create table cycle_allocation (
    process_instance_id  varchar(64)    not null,
    resource             varchar(32)    not null,
    subject_type         varchar(16)    not null,
    subject_id           varchar(64)    not null,
    city_id              varchar(64)    not null,
    amount               numeric(19, 2) not null,
    reason_zh            varchar(4000)  not null,
    reason_en            varchar(4000)  not null,
    rule_version         varchar(120)   not null,
    primary key (process_instance_id, resource, subject_type, subject_id, city_id)
);
