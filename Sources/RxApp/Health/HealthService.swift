import RxTransport
import RxWire

/// The standard `grpc.health.v1.Health` service, so load balancers, Kubernetes probes and
/// `grpc_health_probe` work against us unchanged.
public struct HealthService: Sendable {
    public let board: HealthStatusBoard

    public init(board: HealthStatusBoard) {
        self.board = board
    }

    public func register(in router: inout Router) {
        let board = self.board
        router.registerInline("/grpc.health.v1.Health/Check", access: AccessPolicy.access(for: "/grpc.health.v1.Health/Check")) {
            (request: HealthCheckRequest, _) in
            guard let status = board.status(of: request.service) else {
                throw RPCError(.notFound, "unknown service \"\(request.service)\"")
            }
            var response = HealthCheckResponse()
            response.status = status
            return response
        }
        router.registerInline("/grpc.health.v1.Health/List", access: AccessPolicy.access(for: "/grpc.health.v1.Health/List")) {
            (_: HealthListRequest, _) in
            var response = HealthListResponse()
            for (service, status) in board.all {
                var entry = HealthCheckResponse()
                entry.status = status
                response.statuses[service] = entry
            }
            return response
        }
        router.registerServerStreaming("/grpc.health.v1.Health/Watch", access: AccessPolicy.access(for: "/grpc.health.v1.Health/Watch")) {
            (request: HealthCheckRequest, writer: ServerStreamWriter<HealthCheckResponse>, _) in
            var last: HealthCheckResponse.ServingStatus? = nil
            for await status in board.watch(request.service) where status != last {
                last = status
                var response = HealthCheckResponse()
                response.status = status
                try await writer.send(response)
            }
        }
    }
}
