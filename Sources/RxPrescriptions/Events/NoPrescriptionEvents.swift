/// The sink that ignores every event: the default when nothing derives data from prescriptions.
public struct NoPrescriptionEvents: PrescriptionEventSink {
    public init() {}
}
