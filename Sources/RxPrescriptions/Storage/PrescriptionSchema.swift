import RxStore

/// The prescription tables, as schema migrations in this module's version range (300-399).
///
/// The application combines every area's steps with `Migrations(combining:)`; the ledger in RxStore
/// applies whatever a database lacks. Never edit a step that has shipped; add a new one in the range.
public enum PrescriptionSchema {
    /// The prescription area's steps, oldest first, numbered in its own range.
    public static let migrations: [Migration] = [
        Migration(version: 300, name: "prescriptions", sql: Self.prescriptionsV1),
        Migration(version: 301, name: "interaction overrides", sql: Self.interactionOverrides),
        Migration(
            version: 302, name: "prescriptions in arrival order", sql: Self.arrivalOrder, rebuildsReferencedTables: true),
        Migration(version: 303, name: "idempotency records by key hash", sql: Self.idempotencyByHash),
    ]

    /// Step 303: idempotency records in arrival order, found through a 64-bit hash of (facility, method,
    /// key) (``IdempotencyKeyHash``) instead of a primary key on those three texts.
    ///
    /// Clients draw idempotency keys at random (UUIDs), so every Submit and Dispense inserted into a
    /// random place of a B-tree whose ~110-byte entries fit about 30 to a page; SQLite rebalanced its
    /// nearly full leaves so often that on a store of 140,000 prescriptions the table wrote about five
    /// WAL pages per Submit, more than everything else together. An index entry of the hash and the row
    /// id is about 15 bytes. Rows from before this step have no hash and stay reachable through a
    /// partial unique index that later rows never enter. The three texts are compared on every look-up,
    /// so a hash collision costs a second candidate row, never a wrong answer; the writer checks for a
    /// stored answer inside the same write before it records one, so a key is recorded once.
    static let idempotencyByHash = """
        CREATE TABLE prescription_idempotency_v2 (
            id INTEGER PRIMARY KEY,
            key_hash INTEGER,
            facility_code TEXT NOT NULL,
            method TEXT NOT NULL,
            idempotency_key TEXT NOT NULL,
            request_hash BLOB NOT NULL,
            response BLOB NOT NULL,
            created_at INTEGER NOT NULL
        );
        INSERT INTO prescription_idempotency_v2 (key_hash, facility_code, method, idempotency_key, request_hash,
            response, created_at)
        SELECT NULL, facility_code, method, idempotency_key, request_hash, response, created_at
        FROM prescription_idempotency ORDER BY created_at;
        DROP TABLE prescription_idempotency;
        ALTER TABLE prescription_idempotency_v2 RENAME TO prescription_idempotency;
        CREATE INDEX prescription_idempotency_by_hash ON prescription_idempotency (key_hash) WHERE key_hash IS NOT NULL;
        CREATE UNIQUE INDEX prescription_idempotency_before_303
            ON prescription_idempotency (facility_code, method, idempotency_key) WHERE key_hash IS NULL;
        """

    /// Step 302: prescriptions, their lines, patient keys and history stored in the order they arrive.
    ///
    /// Codes are random by design (a code is what lets a pharmacy read a prescription), and every table
    /// of step 300 was keyed by code: each Submit dirtied its own leaf page in five B-trees, and a
    /// prescription row (signed bytes included, ~1.6 KB) spilled into an overflow page of its own because
    /// a WITHOUT ROWID row keeps at most ~1 KB in its leaf. Under load the writer spent its time writing
    /// those pages to the WAL. Now a prescription is a rowid row appended at the end of its table, its
    /// lines and history hang off that rowid (so a batch of Submits shares pages), and only the small
    /// unique index on the code takes random writes. Dispenses and overrides keep referring to the code,
    /// which stays unique. The copies use outer joins so that a row whose prescription were missing would
    /// fail the NOT NULL check and roll the step back instead of being dropped.
    static let arrivalOrder = """
        CREATE TABLE prescriptions_v2 (
            id INTEGER PRIMARY KEY,
            code TEXT NOT NULL UNIQUE,
            facility_code TEXT NOT NULL,
            type INTEGER NOT NULL,
            issued_at INTEGER NOT NULL,
            valid_until INTEGER NOT NULL,
            status TEXT NOT NULL
                CHECK (status IN ('active', 'partly_dispensed', 'completed', 'cancelled', 'replaced')),
            replaced_by TEXT,
            replaces TEXT,
            masks_identity INTEGER NOT NULL,
            signer_certificate_serial TEXT NOT NULL,
            signer_practising_certificate TEXT NOT NULL,
            signing_time INTEGER,
            signed_bytes BLOB NOT NULL,
            content BLOB NOT NULL,
            created_at INTEGER NOT NULL
        );
        INSERT INTO prescriptions_v2 (code, facility_code, type, issued_at, valid_until, status, replaced_by, replaces,
            masks_identity, signer_certificate_serial, signer_practising_certificate, signing_time, signed_bytes,
            content, created_at)
        SELECT code, facility_code, type, issued_at, valid_until, status, replaced_by, replaces,
            masks_identity, signer_certificate_serial, signer_practising_certificate, signing_time, signed_bytes,
            content, created_at
        FROM prescriptions ORDER BY created_at, code;
        DROP TABLE prescriptions;
        ALTER TABLE prescriptions_v2 RENAME TO prescriptions;
        CREATE INDEX prescriptions_by_facility ON prescriptions (facility_code, issued_at);

        CREATE TABLE prescription_lines_v2 (
            prescription_id INTEGER NOT NULL REFERENCES prescriptions (id),
            line_number INTEGER NOT NULL,
            registration_number TEXT NOT NULL,
            quantity INTEGER NOT NULL CHECK (quantity > 0),
            dispensed INTEGER NOT NULL DEFAULT 0 CHECK (dispensed >= 0 AND dispensed <= quantity),
            do_not_substitute INTEGER NOT NULL,
            ingredients TEXT NOT NULL,
            PRIMARY KEY (prescription_id, line_number)
        ) WITHOUT ROWID;
        INSERT INTO prescription_lines_v2 (prescription_id, line_number, registration_number, quantity, dispensed,
            do_not_substitute, ingredients)
        SELECT p.id, l.line_number, l.registration_number, l.quantity, l.dispensed, l.do_not_substitute, l.ingredients
        FROM prescription_lines l LEFT JOIN prescriptions p ON p.code = l.code ORDER BY p.id, l.line_number;
        DROP TABLE prescription_lines;
        ALTER TABLE prescription_lines_v2 RENAME TO prescription_lines;

        CREATE TABLE prescription_patients_v2 (
            patient_key BLOB NOT NULL,
            prescription_id INTEGER NOT NULL REFERENCES prescriptions (id),
            PRIMARY KEY (patient_key, prescription_id)
        ) WITHOUT ROWID;
        INSERT INTO prescription_patients_v2 (patient_key, prescription_id)
        SELECT k.patient_key, p.id FROM prescription_patients k LEFT JOIN prescriptions p ON p.code = k.code;
        DROP TABLE prescription_patients;
        ALTER TABLE prescription_patients_v2 RENAME TO prescription_patients;

        CREATE TABLE prescription_status_history_v2 (
            id INTEGER PRIMARY KEY,
            prescription_id INTEGER NOT NULL REFERENCES prescriptions (id),
            status TEXT NOT NULL,
            changed_at INTEGER NOT NULL,
            facility_code TEXT NOT NULL,
            reason TEXT NOT NULL
        );
        INSERT INTO prescription_status_history_v2 (id, prescription_id, status, changed_at, facility_code, reason)
        SELECT h.id, p.id, h.status, h.changed_at, h.facility_code, h.reason
        FROM prescription_status_history h LEFT JOIN prescriptions p ON p.code = h.code ORDER BY h.id;
        DROP TABLE prescription_status_history;
        ALTER TABLE prescription_status_history_v2 RENAME TO prescription_status_history;
        CREATE INDEX prescription_status_history_by_prescription ON prescription_status_history (prescription_id);
        """

    /// Every interaction finding a prescriber overrode in a stored prescription, with the reason given:
    /// overriding a contraindication is recorded beside the prescription and counted.
    static let interactionOverrides = """
        CREATE TABLE interaction_overrides (
            id INTEGER PRIMARY KEY,
            code TEXT NOT NULL REFERENCES prescriptions (code),
            ingredient_a TEXT NOT NULL,
            ingredient_b TEXT NOT NULL,
            reason TEXT NOT NULL,
            severity TEXT NOT NULL,
            rule_id TEXT NOT NULL,
            other_prescription_code TEXT NOT NULL,
            created_at INTEGER NOT NULL
        );
        CREATE INDEX interaction_overrides_by_code ON interaction_overrides (code);
        """

    static let prescriptionsV1 = """
        CREATE TABLE facility_register (
            facility_code TEXT PRIMARY KEY NOT NULL,
            name TEXT NOT NULL,
            has_inpatient_beds INTEGER NOT NULL CHECK (has_inpatient_beds IN (0, 1))
        ) WITHOUT ROWID;
        -- The development facilities of Certs/dev (fictional): the hospital has beds, the clinic has none.
        INSERT INTO facility_register (facility_code, name, has_inpatient_beds) VALUES
            ('79088', 'Bệnh viện Đa khoa Thử nghiệm Sài Gòn', 1),
            ('01215', 'Phòng khám Đa khoa Thử nghiệm Hoàn Kiếm', 0);

        CREATE TABLE prescriptions (
            code TEXT PRIMARY KEY NOT NULL,
            facility_code TEXT NOT NULL,
            type INTEGER NOT NULL,
            issued_at INTEGER NOT NULL,
            valid_until INTEGER NOT NULL,
            status TEXT NOT NULL
                CHECK (status IN ('active', 'partly_dispensed', 'completed', 'cancelled', 'replaced')),
            replaced_by TEXT,
            replaces TEXT,
            masks_identity INTEGER NOT NULL,
            signer_certificate_serial TEXT NOT NULL,
            signer_practising_certificate TEXT NOT NULL,
            signing_time INTEGER,
            signed_bytes BLOB NOT NULL,
            content BLOB NOT NULL,
            created_at INTEGER NOT NULL
        ) WITHOUT ROWID;
        CREATE INDEX prescriptions_by_facility ON prescriptions (facility_code, issued_at);

        CREATE TABLE prescription_patients (
            patient_key BLOB NOT NULL,
            code TEXT NOT NULL REFERENCES prescriptions (code),
            PRIMARY KEY (patient_key, code)
        ) WITHOUT ROWID;

        CREATE TABLE prescription_lines (
            code TEXT NOT NULL REFERENCES prescriptions (code),
            line_number INTEGER NOT NULL,
            registration_number TEXT NOT NULL,
            quantity INTEGER NOT NULL CHECK (quantity > 0),
            dispensed INTEGER NOT NULL DEFAULT 0 CHECK (dispensed >= 0 AND dispensed <= quantity),
            do_not_substitute INTEGER NOT NULL,
            ingredients TEXT NOT NULL,
            PRIMARY KEY (code, line_number)
        ) WITHOUT ROWID;

        CREATE TABLE dispenses (
            id INTEGER PRIMARY KEY,
            code TEXT NOT NULL REFERENCES prescriptions (code),
            pharmacy_facility_code TEXT NOT NULL,
            dispensed_at INTEGER NOT NULL,
            invoice_number TEXT NOT NULL,
            idempotency_key TEXT NOT NULL
        );
        CREATE INDEX dispenses_by_code ON dispenses (code);

        CREATE TABLE dispense_lines (
            dispense_id INTEGER NOT NULL REFERENCES dispenses (id),
            line_number INTEGER NOT NULL,
            registration_number TEXT NOT NULL,
            quantity INTEGER NOT NULL CHECK (quantity > 0),
            unit_price_vnd INTEGER NOT NULL,
            reference_unit_price_vnd INTEGER NOT NULL,
            PRIMARY KEY (dispense_id, line_number)
        ) WITHOUT ROWID;

        CREATE TABLE prescription_status_history (
            id INTEGER PRIMARY KEY,
            code TEXT NOT NULL REFERENCES prescriptions (code),
            status TEXT NOT NULL,
            changed_at INTEGER NOT NULL,
            facility_code TEXT NOT NULL,
            reason TEXT NOT NULL
        );
        CREATE INDEX prescription_status_history_by_code ON prescription_status_history (code);

        CREATE TABLE prescription_idempotency (
            facility_code TEXT NOT NULL,
            method TEXT NOT NULL,
            idempotency_key TEXT NOT NULL,
            request_hash BLOB NOT NULL,
            response BLOB NOT NULL,
            created_at INTEGER NOT NULL,
            PRIMARY KEY (facility_code, method, idempotency_key)
        ) WITHOUT ROWID;

        CREATE TABLE audit_log (
            seq INTEGER PRIMARY KEY,
            at INTEGER NOT NULL,
            facility_code TEXT NOT NULL,
            role TEXT NOT NULL,
            method TEXT NOT NULL,
            code TEXT NOT NULL,
            result TEXT NOT NULL,
            prev_hash BLOB NOT NULL,
            entry_hash BLOB NOT NULL
        );
        """
}
