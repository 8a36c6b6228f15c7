-- The audit of process files also records what-ifs (PREVIEW) and replays (REPLAY) besides deployments
-- (DEPLOY) and migrations (MIGRATE), and marks a deployment forced past rules that fail on the latest facts.
alter table deployment_audit add column action varchar(16) default 'DEPLOY' not null;
alter table deployment_audit add column forced boolean default false not null;
update deployment_audit set action = 'MIGRATE' where outcome in ('MIGRATED', 'NOT_MIGRATED');
