import Logging
import RxStore

/// The catalog's tables in the clearinghouse database, and the SQL that fills and reads them.
///
/// The store's `Migrations` list is one numbered sequence in `PRAGMA user_version`, shared by every area;
/// so that the catalog can evolve without renumbering other areas' migrations, its own schema version is
/// kept in the `meta` table under `catalog.schema_version`, and its steps (``migrations``) are applied by
/// ``prepare(_:logger:)`` through the store's writer, each step and its version bump in one write.
public enum CatalogDatabase {
    /// The catalog's schema, oldest first; versions 1, 2, … are local to the catalog.
    public static let migrations: [Migration] = [
        Migration(
            version: 1, name: "catalog products and declared prices",
            sql: """
                CREATE TABLE catalog_product (
                    registration_number TEXT PRIMARY KEY NOT NULL,
                    brand_name TEXT NOT NULL,
                    inns TEXT NOT NULL,
                    strengths TEXT NOT NULL,
                    dosage_form TEXT NOT NULL,
                    route TEXT NOT NULL,
                    unit TEXT NOT NULL,
                    pack_size TEXT NOT NULL,
                    manufacturer TEXT NOT NULL,
                    country TEXT NOT NULL,
                    atc_codes TEXT NOT NULL,
                    controlled_class TEXT NOT NULL,
                    prescription_only INTEGER NOT NULL
                ) WITHOUT ROWID;
                CREATE TABLE catalog_price (
                    registration_number TEXT NOT NULL REFERENCES catalog_product (registration_number),
                    effective_date TEXT NOT NULL,
                    unit_price_vnd INTEGER NOT NULL CHECK (unit_price_vnd > 0),
                    declaring_company TEXT NOT NULL,
                    PRIMARY KEY (registration_number, effective_date)
                ) WITHOUT ROWID;
                """)
    ]

    static let versionKey = "catalog.schema_version"

    /// Brings the catalog tables up to date. Safe to call on every start.
    public static func prepare(_ store: Store, logger: Logger) throws {
        let latest = self.migrations.last?.version ?? 0
        let applied = try store.write { connection -> [String] in
            let found = Int(try connection.scalar("SELECT value FROM meta WHERE key = ?", .text(self.versionKey)).int64Value ?? 0)
            guard found <= latest else {
                throw StoreError(
                    code: .schemaTooNew,
                    message: "catalog schema version \(found) is newer than this build knows (\(latest))",
                    function: "CatalogDatabase.prepare")
            }
            var names: [String] = []
            for migration in self.migrations where migration.version > found {
                try connection.execute(migration.sql)
                names.append(migration.name)
            }
            if found < latest {
                try connection.run(
                    "INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                    .text(self.versionKey), .integer(Int64(latest)))
            }
            return names
        }
        for name in applied {
            logger.info("applied catalog migration", metadata: ["name": "\(name)"])
        }
    }

    /// How many products the database holds.
    public static func productCount(_ store: Store) throws -> Int {
        try store.read { connection in
            Int(try connection.scalar("SELECT count(*) FROM catalog_product").int64Value ?? 0)
        }
    }

    /// Writes `products` in one write (all or nothing) and reports what changed.
    public static func apply(_ products: [Product], to store: Store) throws -> CatalogImportReport {
        try store.write { connection in
            var report = CatalogImportReport()
            for product in products {
                try self.upsert(product, on: connection, report: &report)
                for price in product.prices {
                    try self.upsert(price, of: product.registrationNumber, on: connection, report: &report)
                }
            }
            return report
        }
    }

    private static func upsert(_ product: Product, on connection: SQLiteConnection, report: inout CatalogImportReport) throws {
        let values = self.columns(of: product)
        let stored = try connection.query(
            "SELECT brand_name, inns, strengths, dosage_form, route, unit, pack_size, manufacturer, country, "
                + "atc_codes, controlled_class, prescription_only FROM catalog_product WHERE registration_number = ?",
            .text(product.registrationNumber)
        ) { row in (0..<12).map { row.value(at: $0) } }.first
        if stored == values {
            report.unchangedProducts += 1
            return
        }
        if stored == nil { report.newProducts += 1 } else { report.changedProducts += 1 }
        try connection.run(
            """
            INSERT INTO catalog_product (registration_number, brand_name, inns, strengths, dosage_form, route, unit,
                pack_size, manufacturer, country, atc_codes, controlled_class, prescription_only)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (registration_number) DO UPDATE SET brand_name = excluded.brand_name, inns = excluded.inns,
                strengths = excluded.strengths, dosage_form = excluded.dosage_form, route = excluded.route,
                unit = excluded.unit, pack_size = excluded.pack_size, manufacturer = excluded.manufacturer,
                country = excluded.country, atc_codes = excluded.atc_codes, controlled_class = excluded.controlled_class,
                prescription_only = excluded.prescription_only
            """,
            .text(product.registrationNumber), values[0], values[1], values[2], values[3], values[4], values[5],
            values[6], values[7], values[8], values[9], values[10], values[11])
    }

    private static func upsert(
        _ price: DeclaredPrice, of number: String, on connection: SQLiteConnection, report: inout CatalogImportReport
    ) throws {
        let date = price.effectiveDate.description
        let stored = try connection.query(
            "SELECT unit_price_vnd, declaring_company FROM catalog_price WHERE registration_number = ? AND effective_date = ?",
            .text(number), .text(date)
        ) { row in (row.int64(at: 0), row.string(at: 1) ?? "") }.first
        if let stored, stored.0 == price.unitPriceVND, stored.1 == price.declaringCompany {
            report.unchangedPrices += 1
            return
        }
        if stored == nil { report.newPrices += 1 } else { report.changedPrices += 1 }
        try connection.run(
            """
            INSERT INTO catalog_price (registration_number, effective_date, unit_price_vnd, declaring_company)
            VALUES (?, ?, ?, ?)
            ON CONFLICT (registration_number, effective_date) DO UPDATE SET
                unit_price_vnd = excluded.unit_price_vnd, declaring_company = excluded.declaring_company
            """,
            .text(number), .text(date), .integer(price.unitPriceVND), .text(price.declaringCompany))
    }

    private static func columns(of product: Product) -> [SQLiteValue] {
        [
            .text(product.brandName), .text(product.ingredients.map(\.inn).joined(separator: ";")),
            .text(product.ingredients.map(\.strength).joined(separator: ";")), .text(product.dosageForm),
            .text(product.route), .text(product.unit), .text(product.packSize), .text(product.manufacturer),
            .text(product.country), .text(product.atcCodes.joined(separator: ";")),
            .text(product.controlledClass.rawValue), .integer(product.prescriptionOnly ? 1 : 0),
        ]
    }

    /// Every product with its prices, read in one read transaction (a consistent view even while an
    /// import commits).
    ///
    /// One query joins each product to its prices, in registration-number then date order, so prices
    /// attach to the product just read (no look-up table by number); a product with several prices
    /// comes back once per price and its columns are read only from its first row.
    public static func loadProducts(_ store: Store) throws -> [Product] {
        try store.read { connection in
            let count = Int(try connection.scalar("SELECT count(*) FROM catalog_product").int64Value ?? 0)
            var products: [Product] = []
            products.reserveCapacity(count)
            try connection.withStatement(
                "SELECT p.registration_number, p.brand_name, p.inns, p.strengths, p.dosage_form, p.route, p.unit, "
                    + "p.pack_size, p.manufacturer, p.country, p.atc_codes, p.controlled_class, p.prescription_only, "
                    + "c.effective_date, c.unit_price_vnd, c.declaring_company FROM catalog_product p "
                    + "LEFT JOIN catalog_price c ON c.registration_number = p.registration_number "
                    + "ORDER BY p.registration_number, c.effective_date"
            ) { statement in
                var lastNumber: String?
                try statement.forEachRow { row in
                    let number = row.string(at: 0) ?? ""
                    if lastNumber != number {
                        products.append(Self.product(number: number, row: row))
                        lastNumber = number
                    }
                    guard let date = row.string(at: 13).flatMap(CatalogDate.init(parsing:)) else {
                        return
                    }
                    products[products.count - 1].prices.append(DeclaredPrice(
                        unitPriceVND: row.int64(at: 14), effectiveDate: date, declaringCompany: row.string(at: 15) ?? ""))
                }
            }
            return products
        }
    }

    /// The product columns (0–12) of a `loadProducts` row, without prices.
    private static func product(number: String, row: SQLiteStatement) -> Product {
        let inns = (row.string(at: 2) ?? "").split(separator: ";", omittingEmptySubsequences: false)
        let strengths = (row.string(at: 3) ?? "").split(separator: ";", omittingEmptySubsequences: false)
        let atc = (row.string(at: 10) ?? "").split(separator: ";").map(String.init)
        return Product(
            registrationNumber: number, brandName: row.string(at: 1) ?? "",
            ingredients: zip(inns, strengths).map { Ingredient(inn: String($0), strength: String($1)) },
            dosageForm: row.string(at: 4) ?? "", route: row.string(at: 5) ?? "", unit: row.string(at: 6) ?? "",
            packSize: row.string(at: 7) ?? "", manufacturer: row.string(at: 8) ?? "",
            country: row.string(at: 9) ?? "", atcCodes: atc,
            controlledClass: ControlledClass(rawValue: row.string(at: 11) ?? "") ?? .none,
            prescriptionOnly: row.int64(at: 12) != 0)
    }
}
