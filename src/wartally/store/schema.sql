-- wartally store schema, version 1.  The contract every stage reads and
-- writes; later versions are added as migrations (see store/migrations.py),
-- never by editing this file in place.
CREATE TABLE IF NOT EXISTS schema_migrations (
    version     INTEGER PRIMARY KEY,
    name        VARCHAR NOT NULL,
    applied_at  TIMESTAMP NOT NULL DEFAULT current_timestamp
);

CREATE TABLE IF NOT EXISTS documents (
    id            VARCHAR PRIMARY KEY,   -- the id the input gives
    content_hash  VARCHAR NOT NULL,      -- hash of text; a new hash = new version
    title         VARCHAR,
    published     DATE,
    outlet        VARCHAR,
    url           VARCHAR,
    origin        VARCHAR,               -- file (and line) read from
    language      VARCHAR,
    text          VARCHAR NOT NULL,      -- cleaned text; figure offsets refer to it
    ingested_at   TIMESTAMP NOT NULL DEFAULT current_timestamp
);

CREATE TABLE IF NOT EXISTS sources (
    id    VARCHAR PRIMARY KEY,           -- canonical id: SOHR, SNHR, SCD, UN, outlet, ...
    name  VARCHAR,
    kind  VARCHAR                        -- monitor, un, government, media, rescuers, ...
);

CREATE TABLE IF NOT EXISTS figures (
    id                  VARCHAR PRIMARY KEY,
    doc_id              VARCHAR NOT NULL,
    outcome             VARCHAR NOT NULL,     -- killed | injured | displaced
    n                   BIGINT NOT NULL,
    qualifier           VARCHAR NOT NULL,     -- exact | at_least | at_most | about
    victims             VARCHAR NOT NULL,     -- people | civilians | children | women | men | combatants
    side                VARCHAR,
    part_of             VARCHAR,              -- parent figure id
    kind                VARCHAR,              -- incident | tally (set by link)
    place_mention       VARCHAR,
    place               VARCHAR,
    lat                 DOUBLE,
    lon                 DOUBLE,
    country             VARCHAR,
    admin1              VARCHAR,
    admin1_pcode        VARCHAR,
    admin2              VARCHAR,
    admin2_pcode        VARCHAR,
    admin3              VARCHAR,
    admin3_pcode        VARCHAR,
    where_prec          INTEGER,
    geo_reason          VARCHAR,
    start_date          DATE,
    end_date            DATE,
    date_precision      VARCHAR,
    date_tolerance_days INTEGER,
    source              VARCHAR,
    actor               VARCHAR,              -- '; '-separated
    weapon              VARCHAR,
    quote               VARCHAR NOT NULL,
    number_start        INTEGER NOT NULL,
    number_end          INTEGER NOT NULL,
    sentence_start      INTEGER NOT NULL,
    sentence_end        INTEGER NOT NULL,
    rules               JSON                  -- field -> rule id
);
CREATE INDEX IF NOT EXISTS figures_doc ON figures (doc_id);

CREATE TABLE IF NOT EXISTS events (
    id              VARCHAR PRIMARY KEY,
    start_date      DATE,
    end_date        DATE,
    date_precision  VARCHAR,
    place           VARCHAR,
    lat             DOUBLE,
    lon             DOUBLE,
    country         VARCHAR,
    admin1          VARCHAR,
    admin2          VARCHAR,
    admin3          VARCHAR,
    where_prec      INTEGER,
    event_type      VARCHAR,
    sub_event_type  VARCHAR,
    actors          VARCHAR,                  -- '; '-separated
    n_documents     INTEGER,                  -- distinct documents behind the event
    n_reports       INTEGER                   -- independent reports (wire copies count once)
);

CREATE TABLE IF NOT EXISTS event_counts (
    event_id  VARCHAR NOT NULL,
    outcome   VARCHAR NOT NULL,
    victims   VARCHAR NOT NULL,
    low       BIGINT NOT NULL,
    best      BIGINT NOT NULL,
    high      BIGINT NOT NULL,
    rule      VARCHAR NOT NULL,
    PRIMARY KEY (event_id, outcome, victims)
);

CREATE TABLE IF NOT EXISTS event_figures (
    event_id   VARCHAR NOT NULL,
    figure_id  VARCHAR NOT NULL,
    doc_id     VARCHAR NOT NULL,
    PRIMARY KEY (event_id, figure_id)
);

CREATE TABLE IF NOT EXISTS links (
    event_id  VARCHAR NOT NULL,
    figure_a  VARCHAR NOT NULL,
    figure_b  VARCHAR NOT NULL,
    score     DOUBLE,
    evidence  JSON,                           -- list of strings
    PRIMARY KEY (figure_a, figure_b)
);

CREATE TABLE IF NOT EXISTS disagreements (
    id           VARCHAR PRIMARY KEY,
    outcome      VARCHAR NOT NULL,
    victims      VARCHAR NOT NULL,
    area         VARCHAR,
    figure_a     VARCHAR NOT NULL,
    source_a     VARCHAR NOT NULL,
    n_a          BIGINT NOT NULL,
    qualifier_a  VARCHAR,
    start_a      DATE,
    end_a        DATE,
    figure_b     VARCHAR NOT NULL,
    source_b     VARCHAR NOT NULL,
    n_b          BIGINT NOT NULL,
    qualifier_b  VARCHAR,
    start_b      DATE,
    end_b        DATE,
    difference   BIGINT,
    overlap_days INTEGER
);
