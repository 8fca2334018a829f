import Testing

@testable import RxApp

@Suite("Prometheus text format")
struct PrometheusTextTests {
    @Test("families, escaped labels and cumulative histogram buckets render in the 0.0.4 text format")
    func render() {
        var text = PrometheusText()
        text.family("rx_calls_total", type: "counter", help: "Calls.")
        text.sample("rx_calls_total", labels: [("method", "/a.B/\"C\"\n\\")], 3)
        text.family("rx_seconds", type: "histogram", help: "Time.")
        text.histogram("rx_seconds", bounds: [0.5, 1], counts: [1, 0, 2], sum: 7.25)
        #expect(text.text == """
            # HELP rx_calls_total Calls.
            # TYPE rx_calls_total counter
            rx_calls_total{method="/a.B/\\"C\\"\\n\\\\"} 3
            # HELP rx_seconds Time.
            # TYPE rx_seconds histogram
            rx_seconds_bucket{le="0.5"} 1
            rx_seconds_bucket{le="1"} 1
            rx_seconds_bucket{le="+Inf"} 3
            rx_seconds_sum 7.25
            rx_seconds_count 3

            """)
    }
}
