extension Migrations {
    /// The clearinghouse's schema, oldest first. Append new migrations at the end; never edit one that
    /// has shipped, because databases in the field have already applied it.
    public static let standard = Migrations([
        Migration(
            version: 1, name: "meta",
            sql: """
                CREATE TABLE meta (
                    key TEXT PRIMARY KEY NOT NULL,
                    value
                ) WITHOUT ROWID;
                INSERT INTO meta (key, value) VALUES
                    ('created_at', strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
                    ('schema', 'rx-clearinghouse');
                """)
    ])
}
