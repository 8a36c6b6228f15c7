-- Money per city and purpose (issue 18, second set: dealer support, store investment, promotion, team) of a
-- cycle's resource allocation. A city's dealer support is what its dealers and its pool get in cycle_allocation;
-- the reserve and these amounts add up to the budget exactly.
create table cycle_city_money (
    process_instance_id  varchar(64)    not null,
    city_id              varchar(64)    not null,
    purpose              varchar(32)    not null,
    amount               numeric(19, 2) not null,
    reason_zh            varchar(4000)  not null,
    reason_en            varchar(4000)  not null,
    rule_version         varchar(120)   not null,
    primary key (process_instance_id, city_id, purpose)
);
