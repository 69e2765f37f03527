-- Advisories, their matches against the inventory, the review queue and CISA KEV, portable between SQLite and
-- PostgreSQL like V1: text keys, BIGINT epoch-ms timestamps, ON CONFLICT upserts in the code.

-- Every revision of every advisory ever imported, with its exact bytes. A document is identified by its tracking id
-- and the SHA-256 of its bytes, so re-importing the same bytes changes nothing.
CREATE TABLE advisory_revisions (
    advisory_id TEXT NOT NULL,
    sha256      TEXT NOT NULL,
    revision    TEXT NOT NULL,
    released    BIGINT,
    title       TEXT,
    publisher   TEXT,
    source      TEXT NOT NULL,
    imported_at BIGINT NOT NULL,
    raw_json    TEXT NOT NULL,
    PRIMARY KEY (advisory_id, sha256)
);

-- The revision in force per advisory: the one released last (on a tie, the one imported last). cves is
-- comma-separated.
CREATE TABLE advisories (
    advisory_id TEXT PRIMARY KEY,
    sha256      TEXT NOT NULL,
    revision    TEXT NOT NULL,
    released    BIGINT,
    title       TEXT,
    publisher   TEXT,
    severity    TEXT NOT NULL,
    cves        TEXT NOT NULL,
    updated_at  BIGINT NOT NULL
);

-- One device affected by one vulnerability of one advisory through one product. cve is '' when the vulnerability
-- has none. state: active, or withdrawn once a later revision or an inventory change no longer matches it.
CREATE TABLE advisory_matches (
    advisory_id     TEXT NOT NULL,
    cve             TEXT NOT NULL,
    device_ip       TEXT NOT NULL,
    product_id      TEXT NOT NULL,
    revision        TEXT NOT NULL,
    confidence      DOUBLE PRECISION NOT NULL,
    reasons         TEXT NOT NULL,
    severity        TEXT NOT NULL,
    remedy_category TEXT,
    remedy_details  TEXT,
    remedy_url      TEXT,
    fixed_firmware  TEXT,
    first_matched   BIGINT NOT NULL,
    last_matched    BIGINT NOT NULL,
    state           TEXT NOT NULL,
    PRIMARY KEY (advisory_id, cve, device_ip, product_id)
);
CREATE INDEX advisory_matches_cve ON advisory_matches (cve);
CREATE INDEX advisory_matches_ip ON advisory_matches (device_ip);

-- What the matcher could not decide (an unreadable version range, a product without a model): a person decides.
-- status: open, or obsolete once the advisory's current revision no longer raises it.
CREATE TABLE advisory_review (
    advisory_id TEXT NOT NULL,
    product_id  TEXT NOT NULL,
    reason      TEXT NOT NULL,
    text        TEXT,
    status      TEXT NOT NULL,
    first_seen  BIGINT NOT NULL,
    last_seen   BIGINT NOT NULL,
    PRIMARY KEY (advisory_id, product_id, reason)
);

-- CISA Known Exploited Vulnerabilities, joined to advisories by CVE.
CREATE TABLE kev_entries (
    cve             TEXT PRIMARY KEY,
    date_added      TEXT,
    required_action TEXT,
    due_date        TEXT,
    ransomware      TEXT,
    imported_at     BIGINT NOT NULL
);
