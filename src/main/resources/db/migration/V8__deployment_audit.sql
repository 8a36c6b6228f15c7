-- Every deployment attempt of process files: who, when, which files with their hashes, and the outcome.
create table deployment_audit (
    id             varchar(36)      primary key,
    deployment_id  varchar(64),
    user_id        varchar(64)      not null,
    attempted_at   timestamp        not null,
    outcome        varchar(16)      not null,
    files          varchar(1000000) not null,
    problems       varchar(1000000) not null
);
