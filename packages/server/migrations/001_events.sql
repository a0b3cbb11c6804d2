-- The event store: every community's streams, one row per event. The community leads every
-- key so that the tables can be distributed by community (Citus) without changing a query.
CREATE TABLE lanewise_events (
  community text NOT NULL,
  stream text NOT NULL,
  seq integer NOT NULL CHECK (seq > 0),
  type text NOT NULL,
  at text NOT NULL,
  data jsonb NOT NULL,
  hash text NOT NULL,
  position bigint NOT NULL,
  recorded_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (community, stream, seq)
);

-- Readers follow a community's events in commit order by position.
CREATE UNIQUE INDEX lanewise_events_position ON lanewise_events (community, position);

-- The last position handed out in each community. Appending takes this row's lock for the rest
-- of its transaction, so positions are given in commit order and a reader never sees a gap
-- that a slower transaction fills later.
CREATE TABLE lanewise_positions (
  community text PRIMARY KEY,
  last bigint NOT NULL
);
