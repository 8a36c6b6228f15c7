-- The coverage targets (城市渠道覆盖目标) a cycle sets per city × channel (coverage-targets): ND and WTD today
-- and as targets, and the stores that must carry the product, on which the team is sized.
create table cycle_coverage_target (
    process_instance_id  varchar(64)    not null,
    city_id              varchar(64)    not null,
    channel_id           varchar(64)    not null,
    strategy             varchar(32)    not null,
    stores               bigint         not null,
    carrying             bigint         not null,
    nd_today             numeric(9, 6)  not null,
    nd_target            numeric(9, 6)  not null,
    wtd_today            numeric(9, 6),
    wtd_target           numeric(9, 6),
    target_stores        bigint         not null,
    channel_order        integer        not null,
    reason_zh            varchar(4000)  not null,
    reason_en            varchar(4000)  not null,
    rule_version         varchar(120)   not null,
    primary key (process_instance_id, city_id, channel_id)
);
