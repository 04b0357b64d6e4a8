-- Every clearing replica runs jobs, so a job names the instance running it (owner) and when that instance last said it
-- is alive (heartbeat_at, database time: the one clock all replicas share). A RUNNING job whose heartbeat is older than
-- mobim.clearing.jobs.orphan-after is failed by whichever instance sees it; a live job on another replica is left alone.
alter table job add column owner varchar(100);
alter table job add column heartbeat_at timestamptz;
update job set owner = 'unknown', heartbeat_at = started_at where owner is null;
alter table job alter column owner set not null;
alter table job alter column heartbeat_at set not null;
create index job_running on job (heartbeat_at) where status = 'RUNNING';
