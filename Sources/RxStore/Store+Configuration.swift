extension Store {
    /// Everything about opening a store that has a sensible default.
    public struct Configuration: Sendable, Hashable {
        /// How many read-only connections to keep.
        public var readers: Int
        /// How long a connection waits on a lock held by another process (a backup tool, the sqlite3
        /// shell) before failing with `.busy`.
        public var busyTimeoutMilliseconds: Int32
        /// The writer's queue bound and batch cap.
        public var writer: StoreWriter.Configuration
        /// The schema to bring the database to.
        public var migrations: Migrations
        /// How often a background checkpoint copies the WAL into the database file (see
        /// `StoreCheckpointer`); 0 leaves checkpoints to the writer, as SQLite does by default.
        public var checkpointIntervalMilliseconds: Int

        public init(
            readers: Int = 4, busyTimeoutMilliseconds: Int32 = 5_000,
            writer: StoreWriter.Configuration = StoreWriter.Configuration(),
            migrations: Migrations = .standard, checkpointIntervalMilliseconds: Int = 100
        ) {
            self.readers = readers
            self.busyTimeoutMilliseconds = busyTimeoutMilliseconds
            self.writer = writer
            self.migrations = migrations
            self.checkpointIntervalMilliseconds = checkpointIntervalMilliseconds
        }
    }
}
