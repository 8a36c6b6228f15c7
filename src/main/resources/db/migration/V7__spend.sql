-- Actual spending 实际费用 (expense tracking): per month and city, optionally for one dealer or one store;
-- a store investment carries the incremental gross profit it brought, for its ROI.
create table market_spend (
    id                  varchar(64)    primary key,
    spend_month         char(7)        not null,
    city_id             varchar(64)    not null references market_city (id),
    dealer_id           varchar(64)    references market_dealer (id),
    store_id            varchar(64)    references market_store (id),
    amount              numeric(19, 2) not null,
    incremental_profit  numeric(19, 2)
);
create index market_spend_city_month on market_spend (city_id, spend_month);
