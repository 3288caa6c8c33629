-- Which processes a message reached matters only while the message lives (buffered) or is being
-- published; afterwards the rows are removed, so the table does not grow with every correlation.
alter table message_correlation add column correlated_at timestamptz not null default now();
create index message_correlation_by_time on message_correlation (correlated_at);
