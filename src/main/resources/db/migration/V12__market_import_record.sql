-- An import has its record from the moment it is queued (issue 16): until it ends it has no finished_at, and it
-- names the start of the application that runs it, which notes now and then that it still runs (heartbeat_at).
-- A record left QUEUED or RUNNING by a start that is gone is marked FAILED (market/ImportWatch).
alter table market_import alter column finished_at drop not null;
alter table market_import add column started_by varchar(64);
alter table market_import add column heartbeat_at timestamp;
create index market_import_status on market_import (status);
