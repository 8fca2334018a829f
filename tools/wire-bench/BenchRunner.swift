import RxWire

/// Times encode and decode loops and prints throughput.
enum BenchRunner {
    static func measure<Message: ProtoMessage>(name: String, message: Message, seconds: Double) {
        let bytes = message.serializedBytes()
        guard (try? Message(serializedBytes: bytes)) == message else {
            print("\(name): round trip failed; not measuring")
            return
        }
        var sink = 0
        let encode = self.loop(seconds: seconds) {
            sink &+= message.serializedBytes().count
        }
        let decode = self.loop(seconds: seconds) {
            if let decoded = try? Message(serializedBytes: bytes) { sink &+= decoded.encodedSize() > 0 ? 1 : 0 }
        }
        let decodeOnly = self.loop(seconds: seconds) {
            if (try? Message(serializedBytes: bytes)) != nil { sink &+= 1 }
        }
        print("\(name): \(bytes.count) bytes per message")
        self.report("  encode", iterations: encode.iterations, elapsed: encode.elapsed, size: bytes.count)
        self.report("  decode", iterations: decodeOnly.iterations, elapsed: decodeOnly.elapsed, size: bytes.count)
        self.report("  decode+size", iterations: decode.iterations, elapsed: decode.elapsed, size: bytes.count)
        if sink == 42 { print("") }
    }

    private static func loop(seconds: Double, _ body: () -> Void) -> (iterations: Int, elapsed: Double) {
        let clock = ContinuousClock()
        let start = clock.now
        var iterations = 0
        var elapsed = 0.0
        while elapsed < seconds {
            for _ in 0..<1_000 { body() }
            iterations += 1_000
            elapsed = Self.seconds(clock.now - start)
        }
        return (iterations, elapsed)
    }

    private static func seconds(_ duration: Duration) -> Double {
        let parts = duration.components
        return Double(parts.seconds) + Double(parts.attoseconds) / 1e18
    }

    private static func report(_ label: String, iterations: Int, elapsed: Double, size: Int) {
        let perSecond = Double(iterations) / elapsed
        let megabytes = perSecond * Double(size) / 1_000_000
        print("\(label): \(Self.format(megabytes)) MB/s, \(Self.format(perSecond / 1_000))k messages/s")
    }

    /// One decimal place, without Foundation's formatters.
    private static func format(_ value: Double) -> String {
        let tenths = Int(value * 10 + 0.5)
        return "\(tenths / 10).\(tenths % 10)"
    }
}
