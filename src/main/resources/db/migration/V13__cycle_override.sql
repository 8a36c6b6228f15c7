-- A manager's overrides of a cycle's rule results (city strategies, dealer tiers), kept so that a rule
-- task run again in the same cycle (a director's return, a re-classification during the year) keeps them.
create table cycle_override (
    process_instance_id  varchar(64)    not null,
    kind                 varchar(16)    not null,
    subject_id           varchar(64)    not null,
    override_value       varchar(64)    not null,
    reason               varchar(4000)  not null,
    overridden_by        varchar(128),
    overridden_at        timestamp      not null,
    primary key (process_instance_id, kind, subject_id)
);
