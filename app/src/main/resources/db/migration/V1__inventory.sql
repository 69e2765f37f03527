-- Warden's store, portable between SQLite and PostgreSQL: text keys made by the application, BIGINT epoch-ms
-- timestamps, INTEGER 0/1 flags, ON CONFLICT upserts in the code. No vendor-specific SQL here.

-- One row per discovery or assessment. seq orders scans (assigned by the application, max + 1, in the same
-- transaction that records the scan).
CREATE TABLE scans (
    id          TEXT PRIMARY KEY,
    seq         BIGINT NOT NULL UNIQUE,
    kind        TEXT NOT NULL,
    started     BIGINT NOT NULL,
    finished    BIGINT NOT NULL,
    targets     TEXT NOT NULL
);

-- The inventory: what Warden currently knows of each device. present = 0 once an in-scope scan no longer sees it.
CREATE TABLE devices (
    ip              TEXT PRIMARY KEY,
    mac             TEXT,
    kind            TEXT NOT NULL,
    vendor          TEXT,
    model           TEXT,
    hardware        TEXT,
    firmware        TEXT,
    firmware_source TEXT,
    confidence      DOUBLE PRECISION NOT NULL,
    first_seen      BIGINT NOT NULL,
    last_seen       BIGINT NOT NULL,
    present         INTEGER NOT NULL
);

-- The services open on each device now; a closed port's row is removed (the port-closed change keeps the history).
CREATE TABLE services (
    ip          TEXT NOT NULL,
    transport   TEXT NOT NULL,
    port        INTEGER NOT NULL,
    name        TEXT NOT NULL,
    product     TEXT,
    version     TEXT,
    first_seen  BIGINT NOT NULL,
    last_seen   BIGINT NOT NULL,
    PRIMARY KEY (ip, transport, port)
);

-- What each discovery saw, as it saw it: the base of `warden inventory --diff A B`.
CREATE TABLE scan_devices (
    scan_id     TEXT NOT NULL,
    ip          TEXT NOT NULL,
    kind        TEXT NOT NULL,
    vendor      TEXT,
    model       TEXT,
    hardware    TEXT,
    firmware    TEXT,
    confidence  DOUBLE PRECISION NOT NULL,
    PRIMARY KEY (scan_id, ip)
);

CREATE TABLE scan_services (
    scan_id     TEXT NOT NULL,
    ip          TEXT NOT NULL,
    transport   TEXT NOT NULL,
    port        INTEGER NOT NULL,
    name        TEXT NOT NULL,
    product     TEXT,
    version     TEXT,
    PRIMARY KEY (scan_id, ip, transport, port)
);

-- Change events, numbered n within their scan.
CREATE TABLE changes (
    scan_id     TEXT NOT NULL,
    n           INTEGER NOT NULL,
    at_ms       BIGINT NOT NULL,
    ip          TEXT NOT NULL,
    kind        TEXT NOT NULL,
    subject     TEXT,
    before_value TEXT,
    after_value  TEXT,
    PRIMARY KEY (scan_id, n)
);
CREATE INDEX changes_ip ON changes (ip);

-- Findings of assessments. status is open or fixed (a later assessment of the ip no longer found it).
-- cve and cwe are comma-separated ids; evidence is already redacted and never a response body.
CREATE TABLE findings (
    ip          TEXT NOT NULL,
    port        INTEGER NOT NULL,
    check_id    TEXT NOT NULL,
    title       TEXT,
    severity    TEXT NOT NULL,
    cvss        TEXT,
    cvss_score  DOUBLE PRECISION,
    cve         TEXT NOT NULL,
    cwe         TEXT NOT NULL,
    evidence    TEXT,
    remediation TEXT,
    status      TEXT NOT NULL,
    first_seen  BIGINT NOT NULL,
    last_seen   BIGINT NOT NULL,
    fixed_at    BIGINT,
    first_scan  TEXT NOT NULL,
    last_scan   TEXT NOT NULL,
    PRIMARY KEY (ip, port, check_id)
);
CREATE INDEX findings_status ON findings (status);
