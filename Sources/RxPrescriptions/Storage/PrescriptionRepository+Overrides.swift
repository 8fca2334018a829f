import RxStore

/// The interaction overrides recorded with prescriptions (table `interaction_overrides`, migration 301).
extension PrescriptionRepository {
    /// Records every acknowledged finding of a new prescription with the override's reason (already
    /// copied onto the alert); call inside the write body that stores the prescription.
    static func recordOverrides(
        _ acknowledged: [AcknowledgedAlert], code: String, now: Int64, on connection: SQLiteConnection
    ) throws {
        for item in acknowledged {
            try connection.run(
                """
                INSERT INTO interaction_overrides (code, ingredient_a, ingredient_b, reason, severity, rule_id,
                    other_prescription_code, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """,
                .text(code), .text(item.overrideIngredientA), .text(item.overrideIngredientB),
                .text(item.alert.overrideReason),
                .text(item.alert.severity), .text(item.alert.ruleID), .text(item.alert.otherPrescriptionCode),
                .integer(now))
        }
    }

    /// The overrides recorded with `code`, in the order they were found.
    public static func overrides(of code: String, on connection: SQLiteConnection) throws -> [RecordedOverride] {
        try connection.query(
            """
            SELECT code, ingredient_a, ingredient_b, reason, severity, rule_id, other_prescription_code, created_at
            FROM interaction_overrides WHERE code = ? ORDER BY id
            """, .text(code)
        ) { row in
            RecordedOverride(
                code: row.string(at: 0) ?? "", ingredientA: row.string(at: 1) ?? "", ingredientB: row.string(at: 2) ?? "",
                reason: row.string(at: 3) ?? "", severity: row.string(at: 4) ?? "", ruleID: row.string(at: 5) ?? "",
                otherPrescriptionCode: row.string(at: 6) ?? "", createdAt: row.int64(at: 7))
        }
    }

    /// How many overridden findings are recorded, optionally only of one severity (for statistics:
    /// `severity: "contraindicated"` counts overridden contraindications).
    public static func overrideCount(severity: String? = nil, on connection: SQLiteConnection) throws -> Int64 {
        if let severity {
            return try connection.scalar("SELECT count(*) FROM interaction_overrides WHERE severity = ?", .text(severity))
                .int64Value ?? 0
        }
        return try connection.scalar("SELECT count(*) FROM interaction_overrides").int64Value ?? 0
    }
}
