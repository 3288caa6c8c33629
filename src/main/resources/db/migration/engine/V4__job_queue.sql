-- Activatable jobs, one row each time a job becomes activatable, removed when a worker claims it.
-- Activation used a partial index on job, but with job growing and most of it completed, the
-- planner, misled by statistics taken while many jobs were waiting, chose to walk the primary key
-- through every completed job. This table only ever holds waiting work, so every plan is cheap.
--
-- No unique key on purpose: an insert never waits on a claim that is deleting an older row for
-- the same job, so activation (queue rows, then job rows) and commands (job rows, then queue
-- rows) cannot deadlock. A row whose job is no longer activatable is dropped by the next claim.
create table job_queue (
    type    text not null,
    job_key bigint not null
);
create index job_queue_by_type on job_queue (type, job_key);

insert into job_queue (type, job_key) select type, job_key from job where state = 'ACTIVATABLE';

drop index job_activatable;
