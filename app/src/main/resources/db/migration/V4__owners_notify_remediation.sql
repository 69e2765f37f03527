-- Owners and sites, the notification outbox and remediation tracking (issue 5). Portable like V1: text keys,
-- BIGINT epoch-ms timestamps, INTEGER 0/1 flags, ON CONFLICT in the code.

-- A site is a named set of networks; cidrs is a comma-separated list of IPv4 blocks.
CREATE TABLE sites (
    name        TEXT PRIMARY KEY,
    cidrs       TEXT NOT NULL
);

-- Who is told about a device. webhook_secret is a reference (env:NAME or file:PATH), never the secret itself.
CREATE TABLE owners (
    name            TEXT PRIMARY KEY,
    email           TEXT,
    webhook_url     TEXT,
    webhook_secret  TEXT,
    digest          INTEGER NOT NULL
);

-- Which owner answers for what: kind is 'site' (target = a site name) or 'ip' (target = one address).
-- An explicit ip assignment wins over site assignments for that address.
CREATE TABLE owner_assignments (
    owner       TEXT NOT NULL,
    kind        TEXT NOT NULL,
    target      TEXT NOT NULL,
    PRIMARY KEY (owner, kind, target)
);

-- The transactional outbox: one row per (endpoint, notification), written in the same transaction as the
-- remediation rows it reports. id is the delivery id receivers see (X-Warden-Delivery, Message-ID); dedup_key is
-- sha256(channel, endpoint, topic, advisory, device, action) so the same news never enters twice.
-- status: pending, sent, dead (attempts exhausted) or superseded (a newer action for the same device replaced it).
CREATE TABLE outbox (
    id              TEXT PRIMARY KEY,
    dedup_key       TEXT NOT NULL UNIQUE,
    owner           TEXT NOT NULL,
    channel         TEXT NOT NULL,
    endpoint        TEXT NOT NULL,
    topic           TEXT NOT NULL,
    advisory_id     TEXT NOT NULL,
    ip              TEXT NOT NULL,
    payload         TEXT NOT NULL,
    created         BIGINT NOT NULL,
    attempts        INTEGER NOT NULL,
    next_attempt_at BIGINT NOT NULL,
    status          TEXT NOT NULL,
    last_error      TEXT,
    sent_at         BIGINT
);
CREATE INDEX outbox_due ON outbox (status, next_attempt_at);

-- Remediation of one vulnerability of one advisory on one device (cve is '' when the vulnerability has none).
-- state: open, acknowledged, in_progress, fixed, verified, risk_accepted, false_positive.
-- action_hash is sha256 of the normalized recommended action, to tell a changed action from a reworded revision.
CREATE TABLE remediations (
    ip              TEXT NOT NULL,
    advisory_id     TEXT NOT NULL,
    cve             TEXT NOT NULL,
    revision        TEXT NOT NULL,
    severity        TEXT NOT NULL,
    state           TEXT NOT NULL,
    reason          TEXT,
    action          TEXT NOT NULL,
    action_hash     TEXT NOT NULL,
    fixed_firmware  TEXT,
    opened          BIGINT NOT NULL,
    due             BIGINT NOT NULL,
    updated         BIGINT NOT NULL,
    verified_at     BIGINT,
    PRIMARY KEY (ip, advisory_id, cve)
);
CREATE INDEX remediations_state ON remediations (state, due);
