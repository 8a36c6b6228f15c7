-- Marks on a city's strategy (issue 18, second set): a new market's 7C verdict (ENTER, WATCH, HOLD; null for
-- an old market or a new one not scored) and flags (BORDERLINE: share or market size close to the region's
-- median, for the manager to confirm).
alter table cycle_city_strategy add column verdict varchar(8);
alter table cycle_city_strategy add column flags varchar(200) default '' not null;
