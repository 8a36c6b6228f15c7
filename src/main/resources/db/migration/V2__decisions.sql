-- Decision audit trail 决策审计: one decision per rule evaluation (or override), one row per subject.
create table decision (
    id                   varchar(36)  primary key,
    rule_set             varchar(64)  not null,
    rule_version         varchar(120) not null,
    deployment_id        varchar(64)  not null,
    content_hash         char(64)     not null,
    process_instance_id  varchar(64),
    activity_id          varchar(255),
    tenant_id            varchar(64),
    user_id              varchar(64)  not null,
    evaluated_at         timestamp    not null,
    kind                 varchar(16)  not null,
    subject_count        integer      not null
);
create index decision_process_instance on decision (process_instance_id);
create index decision_rule_set_time on decision (rule_set, evaluated_at);

create table decision_subject (
    decision_id   varchar(36)      not null references decision (id),
    seq           integer          not null,
    subject_type  varchar(32)      not null,
    subject_id    varchar(64)      not null,
    inputs        varchar(100000)  not null,
    fired_rules   varchar(100000)  not null,
    result        varchar(100000)  not null,
    reason_zh     varchar(10000)   not null,
    reason_en     varchar(10000)   not null,
    primary key (decision_id, seq)
);
create index decision_subject_subject on decision_subject (subject_id, subject_type);
