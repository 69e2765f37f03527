-- Alerts of `warden watch` and the incidents they fold into, portable between SQLite and PostgreSQL like V1.
-- Times are traffic times in nanoseconds since the Unix epoch (BIGINT), as the detectors report them.

-- One row per alert. peers (a JSON list) and counts (a JSON object) are JSON text; source names the input the alert
-- came from (pcap:FILE). The key makes storing the same run twice a no-op. incident_id is NULL for victim alerts:
-- a host being scanned or flooded from elsewhere is not an infected device.
CREATE TABLE alerts (
    ts_ns       BIGINT NOT NULL,
    host        TEXT NOT NULL,
    kind        TEXT NOT NULL,
    severity    TEXT NOT NULL,
    role        TEXT NOT NULL,
    peers       TEXT NOT NULL,
    evidence    TEXT NOT NULL,
    counts      TEXT NOT NULL,
    source      TEXT NOT NULL,
    incident_id BIGINT,
    PRIMARY KEY (host, kind, ts_ns, source)
);
CREATE INDEX alerts_incident ON alerts (incident_id);

-- An incident: what one device did, from its first to its last alert, while alerts keep coming. kinds is the sorted,
-- comma-separated set of alert kinds; status is open, or closed once the device was quiet for the folding gap and
-- alerted again (the new alerts open a new incident). id is assigned by the application (max + 1).
CREATE TABLE incidents (
    id            BIGINT PRIMARY KEY,
    host          TEXT NOT NULL,
    first_seen_ns BIGINT NOT NULL,
    last_seen_ns  BIGINT NOT NULL,
    alert_count   BIGINT NOT NULL,
    kinds         TEXT NOT NULL,
    max_severity  TEXT NOT NULL,
    status        TEXT NOT NULL
);
CREATE INDEX incidents_host ON incidents (host, status);
