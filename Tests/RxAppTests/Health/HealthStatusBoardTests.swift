import RxApp
import RxWire
import Testing

@Suite("Health status board")
struct HealthStatusBoardTests {
    @Test("known services start SERVING; unknown ones are nil")
    func initialStatus() {
        let board = HealthStatusBoard(services: ["rx.v1.Diagnostics"])
        #expect(board.status(of: "") == .serving)
        #expect(board.status(of: "rx.v1.Diagnostics") == .serving)
        #expect(board.status(of: "rx.v1.Nope") == nil)
    }

    @Test("a watch sees the current status, every change, and ends when the board closes")
    func watch() async {
        let board = HealthStatusBoard(services: [])
        let stream = board.watch("")
        let unknown = board.watch("rx.v1.Nope")
        board.setAll(.notServing)
        board.close()
        var seen: [HealthCheckResponse.ServingStatus] = []
        for await status in stream { seen.append(status) }
        #expect(seen == [.serving, .notServing])
        var first: HealthCheckResponse.ServingStatus? = nil
        for await status in unknown {
            first = status
            break
        }
        #expect(first == .serviceUnknown)
    }

    @Test("a watch started after close ends at once with the last status")
    func watchAfterClose() async {
        let board = HealthStatusBoard(services: [])
        board.setAll(.notServing)
        board.close()
        var seen: [HealthCheckResponse.ServingStatus] = []
        for await status in board.watch("") { seen.append(status) }
        #expect(seen == [.notServing])
    }
}
