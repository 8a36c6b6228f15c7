-- The facts an evaluation was given, in the order they were inserted, each with its fact type
-- ({"type":"Dealer","fact":{…}}), in chunks like decision_subjects. They let a past decision be re-run
-- with another rule version (replay, what-if) exactly as it was made; the subjects' "inputs" leave out
-- facts that are about no subject (e.g. the region's medians).
create table decision_facts (
    decision_id  varchar(36)      not null references decision (id),
    chunk        integer          not null,
    facts        varchar(1000000) not null,
    primary key (decision_id, chunk)
);
