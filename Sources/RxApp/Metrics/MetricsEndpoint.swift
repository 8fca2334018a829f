import RxDrugKnowledge
import RxStore
import RxTransport

/// `GET /metrics`: the server's state in the Prometheus text format, for a scraper holding a
/// regulator certificate (operators run under the Drug Administration's facility code).
struct MetricsEndpoint: Sendable {
    static let path = "/metrics"
    static let contentType = "text/plain; version=0.0.4; charset=utf-8"

    let transport: ServerMetrics
    let store: Store
    let catalog: Catalog
    let alerts: InteractionAlertCounter

    func register(in router: inout Router, access: MethodAccess) {
        router.registerHTTPGet(Self.path, access: access) { _ in
            HTTPEndpoint.Response(contentType: Self.contentType, body: Array(self.render().utf8))
        }
    }

    func render() -> String {
        var out = PrometheusText()
        let transport = self.transport.snapshot()
        let methods = transport.calls.keys.sorted()
        out.family("rx_grpc_calls_total", type: "counter", help: "Finished gRPC calls by method and status code.")
        for method in methods {
            guard let calls = transport.calls[method] else { continue }
            for (code, count) in calls.byStatus.sorted(by: { $0.key < $1.key }) {
                let name = GRPCStatus.Code(rawValue: code).name
                out.sample("rx_grpc_calls_total", labels: [("method", method), ("code", name)], count)
            }
        }
        out.family("rx_grpc_call_duration_seconds", type: "histogram", help: "gRPC call latency from request headers to final status.")
        for method in methods {
            guard let latency = transport.calls[method]?.latency else { continue }
            out.histogram(
                "rx_grpc_call_duration_seconds", labels: [("method", method)], bounds: latency.bounds,
                counts: latency.counts, sum: latency.sum)
        }
        out.family("rx_open_connections", type: "gauge", help: "TCP connections open now.")
        out.sample("rx_open_connections", transport.openConnections)
        out.family("rx_accepted_connections_total", type: "counter", help: "TCP connections accepted.")
        out.sample("rx_accepted_connections_total", transport.acceptedConnections)
        out.family("rx_tls_handshakes_total", type: "counter", help: "TLS handshakes by result.")
        out.sample("rx_tls_handshakes_total", labels: [("result", "completed")], transport.handshakesCompleted)
        out.sample("rx_tls_handshakes_total", labels: [("result", "failed")], transport.handshakesFailed)
        out.family("rx_inflight_streams", type: "gauge", help: "HTTP/2 streams (calls) open now.")
        out.sample("rx_inflight_streams", transport.inFlightStreams)

        let store = self.store.writer.statistics
        out.family("rx_store_commit_batch_size", type: "histogram", help: "Writes per group-commit transaction.")
        let sizeBounds: [Double] = [1, 2, 4, 8, 16, 32, 64, 128, 256]
        var sizeCounts = Array(repeating: 0, count: sizeBounds.count + 1)
        var sizeSum = 0.0
        for (size, batches) in store.batchSizes {
            sizeCounts[sizeBounds.firstIndex { Double(size) <= $0 } ?? sizeBounds.count] += batches
            sizeSum += Double(size * batches)
        }
        out.histogram("rx_store_commit_batch_size", bounds: sizeBounds, counts: sizeCounts, sum: sizeSum)
        out.family("rx_store_commit_seconds", type: "histogram", help: "Time in COMMIT (the fsync) per batch.")
        out.histogram(
            "rx_store_commit_seconds", bounds: StoreWriter.Statistics.commitLatencyBounds,
            counts: store.commitLatencyCounts, sum: store.commitSecondsTotal)
        out.family("rx_store_writes_failed_total", type: "counter", help: "Writes that failed.")
        out.sample("rx_store_writes_failed_total", store.writesFailed)
        out.family(
            "rx_store_deferred_commits_total", type: "counter",
            help: "Batches of read-audit entries committed before their fsync.")
        out.sample("rx_store_deferred_commits_total", store.deferredCommits)
        out.family("rx_store_wal_syncs_total", type: "counter", help: "Timed fsyncs that made deferred commits durable.")
        out.sample("rx_store_wal_syncs_total", store.walSyncs)
        out.family("rx_store_queue_depth", type: "gauge", help: "Writes waiting for the writer thread.")
        out.sample("rx_store_queue_depth", store.queueDepth)

        let catalog = self.catalog.current
        out.family("rx_catalog_version_info", type: "gauge", help: "Content digest (hex) of the drug catalog snapshot in use.")
        out.sample("rx_catalog_version_info", labels: [("version", String(catalog.version, radix: 16))], 1)
        out.family("rx_catalog_products", type: "gauge", help: "Products in the catalog snapshot in use.")
        out.sample("rx_catalog_products", catalog.products.count)
        out.family("rx_interaction_alerts_total", type: "counter", help: "Interaction alerts raised when screening submissions, by severity.")
        for (severity, count) in self.alerts.bySeverity {
            out.sample("rx_interaction_alerts_total", labels: [("severity", severity)], count)
        }
        if let resident = ProcessMemory.residentBytes() {
            out.family("process_resident_memory_bytes", type: "gauge", help: "Resident memory size in bytes.")
            out.sample("process_resident_memory_bytes", resident)
        }
        return out.text
    }
}
