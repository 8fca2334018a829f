/// Which copy of `grpc/reflection/*/reflection.proto` a reflection message belongs to.
///
/// `grpc.reflection.v1` and the deprecated `grpc.reflection.v1alpha` declare the same messages
/// with the same numbers in different packages; many tools (grpcurl, older grpcio) still ask
/// v1alpha first, so the server answers both with one set of generic types.
public protocol ReflectionVersion: Sendable {
    /// The proto package, e.g. "grpc.reflection.v1".
    static var package: String { get }
}

/// `grpc.reflection.v1`, the current reflection API.
public enum ReflectionV1: ReflectionVersion {
    public static let package = "grpc.reflection.v1"
}

/// `grpc.reflection.v1alpha`, deprecated upstream but still the first choice of many tools.
public enum ReflectionV1Alpha: ReflectionVersion {
    public static let package = "grpc.reflection.v1alpha"
}
