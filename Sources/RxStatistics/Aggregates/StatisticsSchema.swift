import RxStore

/// The statistics tables, as schema migrations in this module's range (400-499).
///
/// `stat_cells` holds counts, quantities and values per (Vietnam day, issuing facility, type, ingredient,
/// ATC); the row with ingredient '' and ATC '' of a key counts each prescription once, the other rows
/// count it once per (ingredient, ATC) pair it contains; each row keeps an exact set of up to 16 of its
/// patients (step 401, ``PatientSketch``). `stat_rollups` holds the same figures per month: view 0 per
/// (month, province, type) for whole prescriptions, view 1 per (month, ingredient, ATC);
/// `stat_rollup_sketches` holds each rollup's HyperLogLog sketch of its patients, apart so that the
/// 1 KB sketch is rewritten only when a register rises, not with every figure. `stat_prescriptions` keeps one
/// row per prescription (keyed by its row id in `prescriptions` since step 404) for rates and for expiry,
/// which is derived at query time from the partial index on `valid_until` over prescriptions still open
/// (never a nightly batch).
public enum StatisticsSchema {
    /// The statistics area's steps, oldest first.
    public static let migrations: [Migration] = [
        Migration(version: 400, name: "statistics", sql: Self.statisticsV1),
        Migration(version: 401, name: "statistics rollups and patient sketches", sql: Self.rollupsV2),
        Migration(version: 402, name: "statistics per product", sql: Self.productsV3),
        Migration(version: 403, name: "statistics outbox", sql: Self.outboxV4),
        Migration(version: 404, name: "statistics per prescription by row id", sql: Self.byPrescriptionRowV5),
    ]

    /// Step 404: the per-prescription rows keyed by the prescription's row id in `prescriptions`
    /// (prescriptions step 302) instead of its code.
    ///
    /// The applier writes a batch of events at a time; keyed by random codes, each event dirtied its own
    /// leaf page in `stat_prescriptions` and in `stat_prescription_items`, which made the statistics a
    /// third of every Submit's pages in the WAL. Row ids grow with arrival, so a batch's rows now share
    /// pages, and no index on the code is needed: the recorder finds a prescription's row id through
    /// ``PrescriptionRepository/rowID(of:on:)``. The copies use outer joins so that a row whose
    /// prescription were missing fails the NOT NULL check and rolls the step back instead of vanishing.
    static let byPrescriptionRowV5 = """
        CREATE TABLE stat_prescriptions_v2 (
            id INTEGER PRIMARY KEY,
            facility_code TEXT NOT NULL,
            province TEXT NOT NULL,
            type INTEGER NOT NULL,
            issued_at INTEGER NOT NULL,
            valid_until INTEGER NOT NULL,
            patient_key BLOB,
            open INTEGER NOT NULL,
            first_dispensed_at INTEGER,
            substituted INTEGER NOT NULL DEFAULT 0,
            interaction_alerts INTEGER NOT NULL,
            overrides INTEGER NOT NULL
        );
        INSERT INTO stat_prescriptions_v2 (id, facility_code, province, type, issued_at, valid_until, patient_key, open,
            first_dispensed_at, substituted, interaction_alerts, overrides)
        SELECT p.id, s.facility_code, s.province, s.type, s.issued_at, s.valid_until, s.patient_key, s.open,
            s.first_dispensed_at, s.substituted, s.interaction_alerts, s.overrides
        FROM stat_prescriptions s LEFT JOIN prescriptions p ON p.code = s.code ORDER BY p.id;
        DROP TABLE stat_prescriptions;
        ALTER TABLE stat_prescriptions_v2 RENAME TO stat_prescriptions;
        CREATE INDEX stat_prescriptions_by_issue ON stat_prescriptions (issued_at);
        CREATE INDEX stat_prescriptions_open_by_expiry ON stat_prescriptions (valid_until) WHERE open = 1;

        CREATE TABLE stat_prescription_items_v2 (
            prescription_id INTEGER NOT NULL,
            line_number INTEGER NOT NULL,
            ingredient TEXT NOT NULL,
            atc TEXT NOT NULL,
            registration_number TEXT NOT NULL,
            PRIMARY KEY (prescription_id, line_number, ingredient)
        ) WITHOUT ROWID;
        INSERT INTO stat_prescription_items_v2 (prescription_id, line_number, ingredient, atc, registration_number)
        SELECT p.id, i.line_number, i.ingredient, i.atc, i.registration_number
        FROM stat_prescription_items i LEFT JOIN prescriptions p ON p.code = i.code ORDER BY p.id;
        DROP TABLE stat_prescription_items;
        ALTER TABLE stat_prescription_items_v2 RENAME TO stat_prescription_items;
        """

    /// Product cells for top-N by product: per (grain, day, province, registration number, ATC) with grain 0
    /// a Vietnam day, grain 1 a calendar month (`day` = its first day) and grain 2 a calendar month of the
    /// whole country (province ''), each with prescriptions issued,
    /// quantity and value charged of the product dispensed, and the exact set of up to 16 patients (enough
    /// for exact suppression; top-N reports no patient count, so no sketch). The figures start with this
    /// step: a database's earlier dispenses are not in the statistics tables, and the patient hashes are
    /// computed in Swift, so older events are not back-filled (regenerate a generated data set).
    static let productsV3 = """
        CREATE TABLE stat_product_cells (
            grain INTEGER NOT NULL,
            day INTEGER NOT NULL,
            province TEXT NOT NULL,
            registration_number TEXT NOT NULL,
            atc TEXT NOT NULL,
            prescriptions INTEGER NOT NULL DEFAULT 0,
            quantity_dispensed INTEGER NOT NULL DEFAULT 0,
            value_charged_vnd INTEGER NOT NULL DEFAULT 0,
            patients BLOB NOT NULL DEFAULT x'',
            PRIMARY KEY (grain, day, province, registration_number, atc)
        ) WITHOUT ROWID;
        """

    /// Day cells become a WITHOUT ROWID table keyed by their unique key (one B-tree to dirty per write
    /// instead of table + unique index + ingredient index); per-cell exact patient sets replace the patient
    /// side table, and monthly rollups with HyperLogLog
    /// sketches serve month-aligned queries (see ``PatientSketch`` and docs/statistics.md). Figures already
    /// in `stat_cells` are rolled up here; their patients (kept only in the old side table) are not, so a
    /// database with statistics written before this step should be regenerated.
    static let rollupsV2 = """
        CREATE TABLE stat_cells_v2 (
            day INTEGER NOT NULL,
            facility_code TEXT NOT NULL,
            province TEXT NOT NULL,
            type INTEGER NOT NULL,
            ingredient TEXT NOT NULL,
            atc TEXT NOT NULL,
            issued INTEGER NOT NULL DEFAULT 0,
            dispensed_fully INTEGER NOT NULL DEFAULT 0,
            dispensed_partly INTEGER NOT NULL DEFAULT 0,
            cancelled INTEGER NOT NULL DEFAULT 0,
            expiring INTEGER NOT NULL DEFAULT 0,
            quantity_prescribed INTEGER NOT NULL DEFAULT 0,
            quantity_dispensed INTEGER NOT NULL DEFAULT 0,
            value_reference_vnd INTEGER NOT NULL DEFAULT 0,
            value_charged_vnd INTEGER NOT NULL DEFAULT 0,
            patients BLOB NOT NULL DEFAULT x'',
            PRIMARY KEY (day, facility_code, type, ingredient, atc)
        ) WITHOUT ROWID;
        INSERT INTO stat_cells_v2 (day, facility_code, province, type, ingredient, atc, issued, dispensed_fully,
            dispensed_partly, cancelled, quantity_prescribed, quantity_dispensed, value_reference_vnd, value_charged_vnd)
        SELECT day, facility_code, province, type, ingredient, atc, issued, dispensed_fully, dispensed_partly, cancelled,
            quantity_prescribed, quantity_dispensed, value_reference_vnd, value_charged_vnd FROM stat_cells;
        DROP TABLE stat_cells;
        ALTER TABLE stat_cells_v2 RENAME TO stat_cells;
        DROP TABLE stat_cell_patients;
        CREATE TABLE stat_rollups (
            view INTEGER NOT NULL,
            month INTEGER NOT NULL,
            province TEXT NOT NULL,
            type INTEGER NOT NULL,
            ingredient TEXT NOT NULL,
            atc TEXT NOT NULL,
            issued INTEGER NOT NULL DEFAULT 0,
            dispensed_fully INTEGER NOT NULL DEFAULT 0,
            dispensed_partly INTEGER NOT NULL DEFAULT 0,
            cancelled INTEGER NOT NULL DEFAULT 0,
            expiring INTEGER NOT NULL DEFAULT 0,
            quantity_prescribed INTEGER NOT NULL DEFAULT 0,
            quantity_dispensed INTEGER NOT NULL DEFAULT 0,
            value_reference_vnd INTEGER NOT NULL DEFAULT 0,
            value_charged_vnd INTEGER NOT NULL DEFAULT 0,
            patients BLOB NOT NULL DEFAULT x'',
            PRIMARY KEY (view, month, province, type, ingredient, atc)
        ) WITHOUT ROWID;
        CREATE TABLE stat_rollup_sketches (
            id INTEGER PRIMARY KEY,
            view INTEGER NOT NULL,
            month INTEGER NOT NULL,
            province TEXT NOT NULL,
            type INTEGER NOT NULL,
            ingredient TEXT NOT NULL,
            atc TEXT NOT NULL,
            sketch BLOB NOT NULL,
            pending_register INTEGER NOT NULL DEFAULT 0,
            pending_rank BLOB NOT NULL DEFAULT x'00',
            UNIQUE (view, month, province, type, ingredient, atc)
        );
        INSERT INTO stat_rollups (view, month, province, type, ingredient, atc, issued, dispensed_fully, dispensed_partly,
            cancelled, quantity_prescribed, quantity_dispensed, value_reference_vnd, value_charged_vnd)
        SELECT CASE WHEN ingredient = '' THEN 0 ELSE 1 END,
            CAST(strftime('%s', date(day * 86400, 'unixepoch', 'start of month')) AS INTEGER) / 86400 AS month,
            CASE WHEN ingredient = '' THEN province ELSE '' END AS rolled_province,
            CASE WHEN ingredient = '' THEN type ELSE -1 END AS rolled_type, ingredient, atc,
            sum(issued), sum(dispensed_fully), sum(dispensed_partly), sum(cancelled), sum(quantity_prescribed),
            sum(quantity_dispensed), sum(value_reference_vnd), sum(value_charged_vnd)
        FROM stat_cells GROUP BY 1, 2, 3, 4, 5, 6;
        """

    static let statisticsV1 = """
        CREATE TABLE stat_cells (
            id INTEGER PRIMARY KEY,
            day INTEGER NOT NULL,
            facility_code TEXT NOT NULL,
            province TEXT NOT NULL,
            type INTEGER NOT NULL,
            ingredient TEXT NOT NULL,
            atc TEXT NOT NULL,
            issued INTEGER NOT NULL DEFAULT 0,
            dispensed_fully INTEGER NOT NULL DEFAULT 0,
            dispensed_partly INTEGER NOT NULL DEFAULT 0,
            cancelled INTEGER NOT NULL DEFAULT 0,
            quantity_prescribed INTEGER NOT NULL DEFAULT 0,
            quantity_dispensed INTEGER NOT NULL DEFAULT 0,
            value_reference_vnd INTEGER NOT NULL DEFAULT 0,
            value_charged_vnd INTEGER NOT NULL DEFAULT 0,
            UNIQUE (day, facility_code, type, ingredient, atc)
        );
        CREATE INDEX stat_cells_by_ingredient ON stat_cells (ingredient, day);

        CREATE TABLE stat_cell_patients (
            cell_id INTEGER NOT NULL,
            patient_key BLOB NOT NULL,
            PRIMARY KEY (cell_id, patient_key)
        ) WITHOUT ROWID;

        CREATE TABLE stat_prescriptions (
            code TEXT PRIMARY KEY NOT NULL,
            facility_code TEXT NOT NULL,
            province TEXT NOT NULL,
            type INTEGER NOT NULL,
            issued_at INTEGER NOT NULL,
            valid_until INTEGER NOT NULL,
            patient_key BLOB,
            open INTEGER NOT NULL,
            first_dispensed_at INTEGER,
            substituted INTEGER NOT NULL DEFAULT 0,
            interaction_alerts INTEGER NOT NULL,
            overrides INTEGER NOT NULL
        ) WITHOUT ROWID;
        CREATE INDEX stat_prescriptions_by_issue ON stat_prescriptions (issued_at);
        CREATE INDEX stat_prescriptions_open_by_expiry ON stat_prescriptions (valid_until) WHERE open = 1;

        CREATE TABLE stat_prescription_items (
            code TEXT NOT NULL,
            line_number INTEGER NOT NULL,
            ingredient TEXT NOT NULL,
            atc TEXT NOT NULL,
            registration_number TEXT NOT NULL,
            PRIMARY KEY (code, line_number, ingredient)
        ) WITHOUT ROWID;

        CREATE TABLE stat_controlled (
            code TEXT NOT NULL,
            class TEXT NOT NULL,
            patient_key BLOB NOT NULL,
            patient_name TEXT NOT NULL,
            prescriber TEXT NOT NULL,
            issued_at INTEGER NOT NULL,
            days_of_supply INTEGER NOT NULL,
            PRIMARY KEY (code, class)
        ) WITHOUT ROWID;
        CREATE INDEX stat_controlled_by_issue ON stat_controlled (issued_at);

        CREATE TABLE stat_controlled_fills (
            code TEXT NOT NULL,
            pharmacy TEXT NOT NULL,
            dispensed_at INTEGER NOT NULL,
            PRIMARY KEY (code, pharmacy, dispensed_at)
        ) WITHOUT ROWID;
        """

    /// Step 403: events waiting for ``StatisticsApplier`` (written in the same transaction as the change
    /// they describe), and events it could not apply, kept with the reason instead of blocking the queue.
    static let outboxV4 = """
        CREATE TABLE stat_outbox (
            seq INTEGER PRIMARY KEY,
            event BLOB NOT NULL
        );

        CREATE TABLE stat_outbox_rejected (
            id INTEGER PRIMARY KEY,
            event BLOB NOT NULL,
            reason TEXT NOT NULL,
            rejected_at INTEGER NOT NULL
        );
        """
}
