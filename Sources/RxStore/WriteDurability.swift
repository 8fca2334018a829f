/// When a write counts as done for its caller.
public enum WriteDurability: Sendable, Hashable {
    /// Committed and fsynced before the caller hears of it: survives `kill -9` and power loss. Every
    /// change a client asked for (submit, dispense, cancel) is written this way.
    case synchronous
    /// Committed before the caller hears of it — it survives a crash of the process, since the WAL
    /// frames are in the kernel's page cache — and fsynced at most
    /// ``StoreWriter/Configuration/deferredSyncMilliseconds`` later, by the next synchronous commit or
    /// a timed sync of the WAL file. For records a read leaves behind (the audit entry of a lookup),
    /// where an fsync per answer would make every pharmacy lookup wait for the disk. A power cut can lose
    /// the last such milliseconds of them, always as a suffix of the log.
    case deferredSync
}
