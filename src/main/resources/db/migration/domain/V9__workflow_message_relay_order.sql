-- The relay takes unpublished messages in the order they were written. The index it had started
-- with next_attempt_at, so every round sorted all messages due: cheap for a few, but a billing run
-- writes a hundred thousand at once and each message's turn then cost a sort of all the others.
drop index workflow_message_unpublished;
create index workflow_message_unpublished on workflow_message (id) include (next_attempt_at) where published_at is null;
