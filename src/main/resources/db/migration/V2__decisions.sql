-- Decision audit trail 决策审计: one decision per rule evaluation (or override). Its subjects (inputs,
-- rules fired, result, reason of each dealer or city) are stored as JSON in chunks of a few hundred, and
-- subject_index lists their ids in order ("\nD-E-001\nD-E-002\n…"): one row per subject would make
-- auditing 5,000 dealers cost more than evaluating them.
create table decision (
    id                   varchar(36)      primary key,
    rule_set             varchar(64)      not null,
    rule_version         varchar(120)     not null,
    deployment_id        varchar(64)      not null,
    content_hash         char(64)         not null,
    process_instance_id  varchar(64),
    activity_id          varchar(255),
    tenant_id            varchar(64),
    user_id              varchar(64)      not null,
    evaluated_at         timestamp        not null,
    kind                 varchar(16)      not null,
    subject_count        integer          not null,
    subject_index        varchar(1000000) not null
);
create index decision_process_instance on decision (process_instance_id);
create index decision_rule_set_time on decision (rule_set, evaluated_at);

create table decision_subjects (
    decision_id  varchar(36)      not null references decision (id),
    chunk        integer          not null,
    subjects     varchar(1000000) not null,
    primary key (decision_id, chunk)
);
