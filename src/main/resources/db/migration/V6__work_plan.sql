-- OGSPM work plans 工作计划: the plan of a cycle (objective, goals, strategies, measures) and its actions,
-- which the kanban 看板 follows; every move of a card is kept.
create table work_plan (
    cycle_id     varchar(64)   primary key,
    region_id    varchar(64)   not null,
    objective    varchar(4000) not null,
    goals        varchar(4000) not null,
    strategies   varchar(4000) not null,
    measures     varchar(4000) not null,
    written_by   varchar(64)   not null,
    written_at   timestamp     not null
);

create table work_plan_item (
    id          varchar(36)   primary key,
    cycle_id    varchar(64)   not null references work_plan (cycle_id),
    region_id   varchar(64)   not null,
    action      varchar(1000) not null,
    owner       varchar(100)  not null,
    due_date    date          not null,
    status      varchar(16)   not null,
    version     integer       not null,
    updated_by  varchar(64)   not null,
    updated_at  timestamp     not null
);
create index work_plan_item_region on work_plan_item (region_id, status);

create table work_plan_item_move (
    item_id      varchar(36) not null references work_plan_item (id),
    from_status  varchar(16) not null,
    to_status    varchar(16) not null,
    user_id      varchar(64) not null,
    moved_at     timestamp   not null
);
create index work_plan_item_move_item on work_plan_item_move (item_id);
