import GRDB

/// The ledger's tables, created and upgraded by GRDB's migrator (one registered step per version;
/// a step is never edited once released, a new one is added).
///
/// Every presentation column is NOT NULL (absent values are '' or 0) so the canonical encoding
/// has one form per value. STRICT tables refuse a REAL where an INTEGER belongs.
enum LedgerSchema {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("ledger.v1") { db in
            try db.execute(sql: """
                CREATE TABLE presentation (
                    sequence INTEGER PRIMARY KEY,
                    instant_ms INTEGER NOT NULL,
                    local_date TEXT NOT NULL,
                    facility TEXT NOT NULL,
                    kiosk TEXT NOT NULL,
                    source TEXT NOT NULL,
                    chip_verdict TEXT NOT NULL,
                    failed_checks TEXT NOT NULL,
                    gateway_adapter TEXT NOT NULL,
                    result_class TEXT NOT NULL,
                    result_code TEXT NOT NULL,
                    gateway_calls INTEGER NOT NULL,
                    latency_ms INTEGER NOT NULL,
                    subject TEXT NOT NULL,
                    recheck_of INTEGER NOT NULL,
                    hash BLOB NOT NULL
                ) STRICT;
                CREATE INDEX presentation_by_date ON presentation (local_date);

                -- Counts per day × facility × kiosk × source × chip verdict × class × code, kept in
                -- the append's transaction so statistics never scan raw records.
                CREATE TABLE rollup (
                    local_date TEXT NOT NULL,
                    facility TEXT NOT NULL,
                    kiosk TEXT NOT NULL,
                    source TEXT NOT NULL,
                    chip_verdict TEXT NOT NULL,
                    result_class TEXT NOT NULL,
                    result_code TEXT NOT NULL,
                    is_recheck INTEGER NOT NULL,
                    records INTEGER NOT NULL,
                    gateway_calls INTEGER NOT NULL,
                    latency_ms INTEGER NOT NULL,
                    PRIMARY KEY (local_date, facility, kiosk, source, chip_verdict, result_class, result_code, is_recheck)
                ) STRICT, WITHOUT ROWID;

                CREATE TABLE checkpoint (
                    id INTEGER PRIMARY KEY,
                    sequence INTEGER NOT NULL,
                    head TEXT NOT NULL,
                    at INTEGER NOT NULL,
                    key TEXT NOT NULL,
                    signature TEXT NOT NULL
                ) STRICT;

                -- The last pruned record (sequence and hash): where verification resumes after
                -- retention removed the prefix. A signed checkpoint at that sequence vouches for it.
                CREATE TABLE chain_anchor (
                    id INTEGER PRIMARY KEY CHECK (id = 1),
                    sequence INTEGER NOT NULL,
                    head BLOB NOT NULL
                ) STRICT;

                -- Present only inside the retention transaction: the one way a DELETE gets through.
                CREATE TABLE prune_permit (through_sequence INTEGER NOT NULL) STRICT;

                CREATE TRIGGER presentation_append_only BEFORE UPDATE ON presentation
                BEGIN SELECT RAISE(ABORT, 'ledger records are append-only'); END;
                CREATE TRIGGER presentation_no_delete BEFORE DELETE ON presentation
                WHEN NOT EXISTS (SELECT 1 FROM prune_permit WHERE OLD.sequence <= through_sequence)
                BEGIN SELECT RAISE(ABORT, 'ledger records are removed only by retention'); END;
                CREATE TRIGGER checkpoint_append_only BEFORE UPDATE ON checkpoint
                BEGIN SELECT RAISE(ABORT, 'checkpoints are append-only'); END;
                CREATE TRIGGER checkpoint_no_delete BEFORE DELETE ON checkpoint
                BEGIN SELECT RAISE(ABORT, 'checkpoints are append-only'); END;
                """)
        }
        // The headline figures group rollups by outcome over any period: an index in that order,
        // covering the summed columns, lets SQLite aggregate without a sort or a table lookup.
        migrator.registerMigration("ledger.v2.rollup-by-outcome") { db in
            try db.execute(sql: """
                CREATE INDEX rollup_by_outcome ON rollup (source, chip_verdict, result_class, result_code, is_recheck,
                    local_date, records, gateway_calls, latency_ms)
                """)
        }
        // Statistics over months or years summed ~1,500 daily rows per day (1M records: 245 ms). A
        // monthly rollup without the kiosk answers the headline, source, code, facility and month
        // figures from a few hundred rows a month; the daily rollup stays for days, weeks, kiosks
        // and the partial months at a period's edges (read by its primary key, a date range). The
        // outcome index served only the full-period scans the monthly rollup now answers, so it goes.
        migrator.registerMigration("ledger.v3.monthly-rollup") { db in
            try db.execute(sql: """
                CREATE TABLE rollup_month (
                    month TEXT NOT NULL,
                    facility TEXT NOT NULL,
                    source TEXT NOT NULL,
                    chip_verdict TEXT NOT NULL,
                    result_class TEXT NOT NULL,
                    result_code TEXT NOT NULL,
                    is_recheck INTEGER NOT NULL,
                    records INTEGER NOT NULL,
                    gateway_calls INTEGER NOT NULL,
                    latency_ms INTEGER NOT NULL,
                    PRIMARY KEY (month, facility, source, chip_verdict, result_class, result_code, is_recheck)
                ) STRICT, WITHOUT ROWID;
                INSERT INTO rollup_month
                SELECT substr(local_date, 1, 7), facility, source, chip_verdict, result_class, result_code, is_recheck,
                       SUM(records), SUM(gateway_calls), SUM(latency_ms)
                FROM rollup GROUP BY 1, 2, 3, 4, 5, 6, 7;
                DROP INDEX rollup_by_outcome;
                """)
        }
        // The eligibility re-check queue lives in the ledger's file so that resolving an entry and
        // appending its linked re-check record are one transaction. Unlike the chained records it
        // is mutable (a work queue), and it holds the person's name, birth date and lookup key only
        // while pending: they are erased (secure_delete zeroes the freed bytes) when it leaves pending.
        migrator.registerMigration("ledger.v4.recheck-queue") { db in
            try db.execute(sql: """
                CREATE TABLE recheck (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    record_sequence INTEGER NOT NULL,
                    facility TEXT NOT NULL,
                    kiosk TEXT NOT NULL,
                    source TEXT NOT NULL,
                    subject TEXT NOT NULL,
                    lookup_subject TEXT,
                    full_name TEXT,
                    birth_date TEXT,
                    visit_date TEXT NOT NULL,
                    state TEXT NOT NULL CHECK (state IN ('pending', 'resolved', 'abandoned')),
                    attempts INTEGER NOT NULL DEFAULT 0,
                    next_attempt_at REAL NOT NULL,
                    created_at REAL NOT NULL,
                    last_outcome TEXT,
                    last_problem TEXT,
                    outcome TEXT,
                    result_code TEXT,
                    linked_sequence INTEGER
                ) STRICT;
                CREATE INDEX recheck_due ON recheck (state, next_attempt_at);
                """)
        }
        return migrator
    }
}
