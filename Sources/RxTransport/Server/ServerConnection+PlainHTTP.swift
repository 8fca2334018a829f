/// Plain HTTP/2 `GET` resources (e.g. `/metrics`) beside gRPC: one response with a body, no trailers.
extension ServerConnection {
    func respondPlainHTTP(_ stream: ServerStream, endpoint: HTTPEndpoint) {
        guard let session = self.session, let identity = self.identity else { return }
        let response: HTTPEndpoint.Response
        if endpoint.access.permits(identity) {
            response = endpoint.handler(identity)
        } else {
            response = HTTPEndpoint.Response(
                status: 403, contentType: "text/plain; charset=utf-8",
                body: Array("facility \(identity.facilityCode) may not read \(endpoint.path) (requires role: \(endpoint.access))\n".utf8))
        }
        stream.phase = .finished
        stream.headersSent = true
        stream.endsWithoutTrailers = true
        stream.outbound = response.body
        let headers = HeaderBlock([
            (":status", String(response.status)), ("content-type", response.contentType),
            ("content-length", String(response.body.count)),
        ])
        do {
            try session.submitResponse(streamID: stream.id, headers: headers, hasBody: !response.body.isEmpty)
        } catch {
            session.resetStream(streamID: stream.id, errorCode: 2)
        }
        self.logger.debug("http get", metadata: ["path": "\(endpoint.path)", "status": "\(response.status)"])
        self.scheduleFlush()
    }
}
