-- The sales team a cycle needs per city × channel (team-sizing), against the headcount.
create table cycle_team_size (
    process_instance_id  varchar(64)    not null,
    city_id              varchar(64)    not null,
    channel_id           varchar(64)    not null,
    required_reps        integer        not null,
    headcount            integer        not null,
    sales_per_rep        numeric(19, 2),
    flag                 varchar(16),
    reason_zh            varchar(4000)  not null,
    reason_en            varchar(4000)  not null,
    rule_version         varchar(120)   not null,
    primary key (process_instance_id, city_id, channel_id)
);
