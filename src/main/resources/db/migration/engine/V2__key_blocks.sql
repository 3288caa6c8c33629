-- Keys are handed out in blocks: each node reserves a block of 1,000 with one nextval and then
-- hands them out from memory. Keys stay unique across nodes and are never reused.
alter sequence engine_key increment by 1000;
