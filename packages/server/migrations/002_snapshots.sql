-- Snapshots of a stream: the core's snapshot() at a sequence, with that event's hash. On load
-- the latest one is checked against the chain (its event must still be there, with that hash).
CREATE TABLE lanewise_snapshots (
  community text NOT NULL,
  stream text NOT NULL,
  seq integer NOT NULL CHECK (seq > 0),
  hash text NOT NULL,
  state jsonb NOT NULL,
  taken_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (community, stream, seq)
);
