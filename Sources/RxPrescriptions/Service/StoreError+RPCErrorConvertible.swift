import RxStore
import RxTransport

extension StoreError: RPCErrorConvertible {
    /// The one mapping from storage failures to gRPC statuses.
    ///
    /// Conditions the caller can outlast (a full disk, a database made read-only, an I/O failure, a
    /// lock held too long, a closing store) are `UNAVAILABLE`, so clients retry and the server stays up;
    /// a full write queue is `RESOURCE_EXHAUSTED` (back off). Anything else is our bug: `INTERNAL`
    /// with a generic text, since SQLite's own message may name tables or values.
    public var rpcError: RPCError {
        if self.code == .overloaded {
            return RPCError(.resourceExhausted, "the prescription store is overloaded; retry later")
        }
        if self.code == .closed {
            return RPCError(.unavailable, "the server is shutting down; retry")
        }
        if self.code == .busy {
            return RPCError(.unavailable, "the database is busy; retry")
        }
        if self.code == .io {
            return RPCError(.unavailable, "the database storage failed (I/O error); retry later")
        }
        switch self.resultCode {
        case SQLitePrimaryCode.full:
            return RPCError(.unavailable, "the database disk is full; nothing was saved, retry when space is freed")
        case SQLitePrimaryCode.readOnly:
            return RPCError(.unavailable, "the database is read-only; nothing was saved, retry later")
        case SQLitePrimaryCode.ioError, SQLitePrimaryCode.cannotOpen, SQLitePrimaryCode.lockProtocol:
            return RPCError(.unavailable, "the database storage failed (I/O error); nothing was saved, retry later")
        case SQLitePrimaryCode.busy, SQLitePrimaryCode.locked:
            return RPCError(.unavailable, "the database is busy; retry")
        default:
            return RPCError(.internal, "internal server error")
        }
    }
}

/// SQLite's primary result codes this mapping needs (stable values from sqlite3.h); RxPrescriptions
/// does not link the C module, and only `StoreError.resultCode` carries them here.
private enum SQLitePrimaryCode {
    static let busy: Int32 = 5
    static let locked: Int32 = 6
    static let readOnly: Int32 = 8
    static let ioError: Int32 = 10
    static let full: Int32 = 13
    static let cannotOpen: Int32 = 14
    static let lockProtocol: Int32 = 15
}
