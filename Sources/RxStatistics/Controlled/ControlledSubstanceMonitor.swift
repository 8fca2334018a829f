import RxStore
import RxWire

/// Prescription-drug monitoring for narcotic and psychotropic drugs: patients who in a window got such
/// prescriptions from several prescribers and filled them at several pharmacies, and patients whose
/// filled days of supply of one class overlap.
public enum ControlledSubstanceMonitor {
    /// Default window: 90 days.
    public static let defaultWindowSeconds: Int64 = 90 * 86_400
    public static let defaultMinimumPrescribers: UInt32 = 3
    public static let defaultMinimumPharmacies: UInt32 = 3

    /// The window and thresholds of `request` with defaults filled in.
    public static func resolved(_ request: ControlledSubstanceAlertsRequest, now: Int64) throws(StatisticsError)
        -> ControlledSubstanceAlertsRequest
    {
        var resolved = request
        if resolved.toUnixSeconds == 0 { resolved.toUnixSeconds = now }
        if resolved.fromUnixSeconds == 0 { resolved.fromUnixSeconds = resolved.toUnixSeconds - Self.defaultWindowSeconds }
        if resolved.minPrescribers == 0 { resolved.minPrescribers = Self.defaultMinimumPrescribers }
        if resolved.minPharmacies == 0 { resolved.minPharmacies = Self.defaultMinimumPharmacies }
        guard resolved.toUnixSeconds > resolved.fromUnixSeconds else {
            throw .invalidArgument("to_unix_seconds must be after from_unix_seconds")
        }
        return resolved
    }

    /// Every alert for the window, patients in key order: shopping alerts first, then overlaps.
    public static func alerts(
        _ request: ControlledSubstanceAlertsRequest, now: Int64, on connection: SQLiteConnection
    ) throws -> [ControlledSubstanceAlert] {
        let window = try Self.resolved(request, now: now)
        return try Self.shoppers(window, on: connection) + Self.overlaps(window, on: connection)
    }

    static func shoppers(
        _ window: ControlledSubstanceAlertsRequest, on connection: SQLiteConnection
    ) throws -> [ControlledSubstanceAlert] {
        try connection.query(
            """
            SELECT c.patient_key, max(c.patient_name), count(DISTINCT c.prescriber), count(DISTINCT f.pharmacy),
                group_concat(DISTINCT c.code), group_concat(DISTINCT c.class)
            FROM stat_controlled c LEFT JOIN stat_controlled_fills f ON f.code = c.code
            WHERE c.issued_at >= ? AND c.issued_at < ?
            GROUP BY c.patient_key
            HAVING count(DISTINCT c.prescriber) >= ? AND count(DISTINCT f.pharmacy) >= ?
            ORDER BY c.patient_key
            """,
            .integer(window.fromUnixSeconds), .integer(window.toUnixSeconds), .integer(Int64(window.minPrescribers)),
            .integer(Int64(window.minPharmacies))
        ) { row in
            var alert = ControlledSubstanceAlert()
            alert.kind = .multiplePrescribersAndPharmacies
            alert.patientKey = Self.hex(row.blob(at: 0) ?? [])
            alert.patientName = row.string(at: 1) ?? ""
            alert.prescribers = UInt32(clamping: row.int64(at: 2))
            alert.pharmacies = UInt32(clamping: row.int64(at: 3))
            alert.prescriptionCodes = (row.string(at: 4) ?? "").split(separator: ",").map(String.init).sorted()
            alert.substanceClass = (row.string(at: 5) ?? "").split(separator: ",").map(String.init).sorted()
                .joined(separator: ",")
            return alert
        }
    }

    /// Filled prescriptions of one class whose supply (from first fill, for days of supply) runs into the
    /// next fill of the same class.
    static func overlaps(
        _ window: ControlledSubstanceAlertsRequest, on connection: SQLiteConnection
    ) throws -> [ControlledSubstanceAlert] {
        let fills = try connection.query(
            """
            SELECT c.patient_key, c.class, c.code, min(f.dispensed_at), c.days_of_supply, c.patient_name
            FROM stat_controlled c JOIN stat_controlled_fills f ON f.code = c.code
            WHERE c.issued_at >= ? AND c.issued_at < ?
            GROUP BY c.code, c.class
            ORDER BY c.patient_key, c.class, 4, c.code
            """,
            .integer(window.fromUnixSeconds), .integer(window.toUnixSeconds)
        ) { row in
            (patient: row.blob(at: 0) ?? [], substanceClass: row.string(at: 1) ?? "", code: row.string(at: 2) ?? "",
             start: row.int64(at: 3), days: row.int64(at: 4), name: row.string(at: 5) ?? "")
        }
        var alerts: [ControlledSubstanceAlert] = []
        var index = 0
        while index < fills.count {
            var end = index
            while end + 1 < fills.count, fills[end + 1].patient == fills[index].patient,
                fills[end + 1].substanceClass == fills[index].substanceClass
            {
                end += 1
            }
            var overlapSeconds: Int64 = 0
            var codes: Set<String> = []
            var supplyEnd = Int64.min
            for fill in fills[index...end] {
                if supplyEnd > fill.start {
                    overlapSeconds += supplyEnd - fill.start
                    codes.insert(fill.code)
                }
                if fill.start + fill.days * 86_400 > supplyEnd {
                    if supplyEnd <= fill.start { codes.remove(fill.code) }
                    supplyEnd = fill.start + fill.days * 86_400
                }
            }
            if overlapSeconds > 0 {
                var alert = ControlledSubstanceAlert()
                alert.kind = .overlappingSupply
                alert.patientKey = Self.hex(fills[index].patient)
                alert.patientName = fills[index].name
                alert.substanceClass = fills[index].substanceClass
                alert.prescriptionCodes = fills[index...end].map(\.code)
                alert.overlappingDays = UInt32(clamping: (overlapSeconds + 86_399) / 86_400)
                alerts.append(alert)
            }
            index = end + 1
        }
        return alerts
    }

    static func hex(_ bytes: [UInt8]) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var text: [UInt8] = []
        text.reserveCapacity(bytes.count * 2)
        for byte in bytes {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: text, as: UTF8.self)
    }
}
