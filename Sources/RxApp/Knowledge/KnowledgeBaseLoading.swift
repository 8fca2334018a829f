import Foundation
import Logging
import RxDrugKnowledge
import RxStore
import Synchronization

/// The stored interaction knowledge base being read on a thread of its own, so that on start-up it
/// loads while the catalog does (the two read different tables; neither needs the other until the
/// index is built). ``wait()`` hands over the result, or the error the loading threw.
///
/// It runs on a plain thread, as the store's writer and the log writer do, so start-up work never
/// depends on Dispatch's thread pools.
final class KnowledgeBaseLoading: Sendable {
    private let outcome = Mutex<Result<InteractionKnowledgeBase, any Error>?>(nil)
    private let done = DispatchSemaphore(value: 0)

    /// Starts seeding (on first start) and reading the stored knowledge base in the background.
    init(store: Store, rulesFile: String?, ingredientsFile: String?, logger: Logger) {
        let thread = Thread { [self] in
            let result = Result { () throws -> InteractionKnowledgeBase in
                try InteractionKnowledge.seedIfEmpty(store: store, rulesFile: rulesFile, ingredientsFile: ingredientsFile, logger: logger)
                return try store.read { connection in try InteractionKnowledgeBase.loadStored(from: connection) }
            }
            self.outcome.withLock { $0 = result }
            self.done.signal()
        }
        thread.start()
    }

    /// Blocks until the knowledge base is read; rethrows what seeding or reading threw. Call it once.
    func wait() throws -> InteractionKnowledgeBase {
        self.done.wait()
        guard let outcome = self.outcome.withLock({ $0 }) else {
            preconditionFailure("the loading group left without a result")
        }
        return try outcome.get()
    }
}
