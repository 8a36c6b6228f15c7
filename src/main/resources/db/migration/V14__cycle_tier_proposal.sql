-- The tiers a re-classification during the year proposes (dealer-classification on the latest 12 months),
-- per quarter, until the manager confirms them: then they replace the cycle's tiers, overrides kept.
create table cycle_tier_proposal (
    process_instance_id  varchar(64)    not null,
    quarter              integer        not null,
    dealer_id            varchar(64)    not null,
    dealer_name          varchar(200)   not null,
    region_id            varchar(64)    not null,
    current_tier         varchar(1),
    proposed_tier        varchar(1)     not null,
    flags                varchar(200)   not null,
    reason_zh            varchar(4000)  not null,
    reason_en            varchar(4000)  not null,
    rule_version         varchar(120)   not null,
    primary key (process_instance_id, quarter, dealer_id)
);
