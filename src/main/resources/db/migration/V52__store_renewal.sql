-- Stores may carry a name (门店名称, optional in the stores import): approvals name a store, not its id.
alter table market_store add column name varchar(200);

-- Last year's store investments a cycle's resource allocation flagged (ROI below roi.minimum) and the
-- director's answer on each when the plan is approved: renewed true/false; null until then. The rule task
-- running again in the cycle (a return) replaces the rows; the approval writes the answers once.
create table cycle_store_renewal (
    process_instance_id  varchar(64)    not null,
    store_id             varchar(64)    not null,
    city_id              varchar(64)    not null,
    spend                numeric(19, 2) not null,
    incremental_profit   numeric(19, 2) not null,
    roi                  numeric(19, 4) not null,
    roi_minimum          varchar(32)    not null,
    fired_rule           varchar(200)   not null,
    rule_version         varchar(120)   not null,
    renewed              boolean,
    reason               varchar(4000),
    decided_by           varchar(128),
    decided_at           timestamp,
    primary key (process_instance_id, store_id)
);
