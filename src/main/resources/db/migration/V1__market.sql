-- Market data 市场数据: the regional market model the planning cycle reads (docs/data-formats.md).
-- Separate from Camunda's ACT_* tables; portable SQL for H2 and PostgreSQL.

create table market_region (
    id          varchar(64)  primary key,
    name_zh     varchar(200) not null,
    name_en     varchar(200) not null
);

create table market_channel (
    id          varchar(64)  primary key,
    name_zh     varchar(200) not null,
    name_en     varchar(200) not null
);

create table market_city (
    id            varchar(64)    primary key,
    region_id     varchar(64)    not null references market_region (id),
    name_zh       varchar(200)   not null,
    name_en       varchar(200)   not null,
    tier          integer        not null,
    population    bigint         not null,
    market_size   numeric(19, 2) not null,
    distance_km   numeric(10, 1) not null
);
create index market_city_region on market_city (region_id);

create table market_city_adjacency (
    city_id       varchar(64) not null references market_city (id),
    neighbour_id  varchar(64) not null references market_city (id),
    primary key (city_id, neighbour_id)
);

create table market_dealer (
    id                      varchar(64)    primary key,
    region_id               varchar(64)    not null references market_region (id),
    name                    varchar(200)   not null,
    receivables             numeric(19, 2) not null,
    overdue_days            integer        not null,
    cross_region_incidents  integer        not null,
    compliance_score        numeric(5, 2)  not null,
    target_stores           integer        not null
);
create index market_dealer_region on market_dealer (region_id);

create table market_dealer_coverage (
    dealer_id   varchar(64) not null references market_dealer (id),
    city_id     varchar(64) not null references market_city (id),
    channel_id  varchar(64) not null references market_channel (id),
    primary key (dealer_id, city_id, channel_id)
);

create table market_store (
    id               varchar(64)    primary key,
    city_id          varchar(64)    not null references market_city (id),
    channel_id       varchar(64)    not null references market_channel (id),
    dealer_id        varchar(64)    references market_dealer (id),
    carries_product  boolean        not null,
    category_sales   numeric(19, 2) not null
);
create index market_store_city_channel on market_store (city_id, channel_id);
create index market_store_dealer on market_store (dealer_id);

create table market_sales (
    dealer_id   varchar(64)    not null references market_dealer (id),
    city_id     varchar(64)    not null references market_city (id),
    channel_id  varchar(64)    not null references market_channel (id),
    sales_month char(7)        not null,
    amount      numeric(19, 2) not null,
    volume      numeric(19, 2) not null,
    primary key (dealer_id, city_id, channel_id, sales_month)
);
create index market_sales_city_month on market_sales (city_id, sales_month);

create table market_competitor (
    city_id      varchar(64)   not null references market_city (id),
    competitor   varchar(200)  not null,
    share        numeric(6, 4) not null,
    price_index  numeric(8, 4) not null,
    primary key (city_id, competitor)
);

create table market_price_tier (
    id         varchar(64)    primary key,
    name_zh    varchar(200)   not null,
    name_en    varchar(200)   not null,
    min_price  numeric(19, 2) not null,
    max_price  numeric(19, 2) not null
);

create table market_headcount (
    city_id     varchar(64) not null references market_city (id),
    channel_id  varchar(64) not null references market_channel (id),
    headcount   integer     not null,
    primary key (city_id, channel_id)
);

create table market_target (
    city_id  varchar(64)    not null references market_city (id),
    target_period varchar(7) not null,
    volume   numeric(19, 2) not null,
    primary key (city_id, target_period)
);

-- One row per import, with its report (counts and every bad row) as JSON.
create table market_import (
    id           varchar(36)      primary key,
    kind         varchar(64)      not null,
    file_name    varchar(500)     not null,
    user_id      varchar(64)      not null,
    status       varchar(16)      not null,
    rows_total   integer          not null,
    inserted     integer          not null,
    updated      integer          not null,
    unchanged    integer          not null,
    report       varchar(1000000) not null,
    started_at   timestamp        not null,
    finished_at  timestamp        not null
);
