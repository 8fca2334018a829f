/// The parts of a CMS SignedData the signature fast path needs, located with ``DERReader`` without
/// decoding any certificate (OpenSSL 3 decodes every embedded certificate's public key when it parses a
/// CMS, taking global locks each time; that was most of a Submit's CPU).
///
/// Only one narrow shape is recognised, and only when the bytes the signature covers are certainly the
/// ones OpenSSL would check: strict DER throughout, SignedData version 1 listing SHA-256 as its only
/// digest algorithm, attached id-data content in one primitive OCTET STRING, exactly one SignerInfo
/// (version 1 naming issuer and serial, or 3 naming a key identifier) with SHA-256 and signed attributes, those attributes in DER order, each
/// with exactly one value of a kind OpenSSL re-encodes byte for byte (OID, OCTET STRING, time,
/// SEQUENCE), one content-type (id-data), one message digest, at most one signing time. Anything else
/// throws, and the caller runs the full OpenSSL verification instead.
struct SignedDataParts {
    enum SignerIdentifier: Equatable {
        /// The contents of IssuerAndSerialNumber: the issuer Name's and the serial INTEGER's encodings.
        case issuerAndSerial([UInt8])
        case subjectKeyIdentifier([UInt8])
    }

    var content: [UInt8]
    /// The encoding of each certificate carried, in order.
    var certificates: [[UInt8]]
    var signer: SignerIdentifier
    /// The signed attributes as signed: their encoding with the SET tag in place of [0].
    var signedAttributes: [UInt8]
    var messageDigest: [UInt8]
    /// The signingTime attribute's encoding (UTCTime or GeneralizedTime), if present.
    var signingTime: [UInt8]?
    var signatureAlgorithm: [UInt8]
    var signature: [UInt8]

    enum OID {
        static let signedData: [UInt8] = [0x2A, 0x86, 0x48, 0x86, 0xF7, 0x0D, 0x01, 0x07, 0x02]
        static let data: [UInt8] = [0x2A, 0x86, 0x48, 0x86, 0xF7, 0x0D, 0x01, 0x07, 0x01]
        static let sha256: [UInt8] = [0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02, 0x01]
        static let contentType: [UInt8] = [0x2A, 0x86, 0x48, 0x86, 0xF7, 0x0D, 0x01, 0x09, 0x03]
        static let messageDigest: [UInt8] = [0x2A, 0x86, 0x48, 0x86, 0xF7, 0x0D, 0x01, 0x09, 0x04]
        static let signingTime: [UInt8] = [0x2A, 0x86, 0x48, 0x86, 0xF7, 0x0D, 0x01, 0x09, 0x05]
        static let ecdsaWithSHA256: [UInt8] = [0x2A, 0x86, 0x48, 0xCE, 0x3D, 0x04, 0x03, 0x02]
        static let ecPublicKey: [UInt8] = [0x2A, 0x86, 0x48, 0xCE, 0x3D, 0x02, 0x01]
        static let sha256WithRSA: [UInt8] = [0x2A, 0x86, 0x48, 0x86, 0xF7, 0x0D, 0x01, 0x01, 0x0B]
        static let rsaEncryption: [UInt8] = [0x2A, 0x86, 0x48, 0x86, 0xF7, 0x0D, 0x01, 0x01, 0x01]
    }

    init(der: [UInt8]) throws(DERReader.Unhandled) {
        var outer = DERReader(der)
        let contentInfo = try outer.read(0x30)
        guard outer.isAtEnd else { throw DERReader.Unhandled() }
        var info = outer.inside(contentInfo)
        guard info.contents(of: try info.read(0x06), equal: OID.signedData) else { throw DERReader.Unhandled() }
        let explicit = try info.read(0xA0)
        guard info.isAtEnd else { throw DERReader.Unhandled() }
        var wrapper = info.inside(explicit)
        let signedDataElement = try wrapper.read(0x30)
        guard wrapper.isAtEnd else { throw DERReader.Unhandled() }
        var signedData = wrapper.inside(signedDataElement)
        guard try Self.version(&signedData) == 1 else { throw DERReader.Unhandled() }
        var digestAlgorithms = signedData.inside(try signedData.read(0x31))
        guard try Self.algorithm(&digestAlgorithms) == OID.sha256, digestAlgorithms.isAtEnd else { throw DERReader.Unhandled() }
        var encapsulated = signedData.inside(try signedData.read(0x30))
        guard encapsulated.contents(of: try encapsulated.read(0x06), equal: OID.data) else { throw DERReader.Unhandled() }
        var eContent = encapsulated.inside(try encapsulated.read(0xA0))
        guard encapsulated.isAtEnd else { throw DERReader.Unhandled() }
        let octets = try eContent.read(0x04)
        guard eContent.isAtEnd else { throw DERReader.Unhandled() }
        self.content = eContent.slice(octets.contents)
        self.certificates = []
        if signedData.nextTag == 0xA0 {
            var set = signedData.inside(try signedData.read(0xA0))
            while !set.isAtEnd { self.certificates.append(set.slice(try set.read(0x30).encoding)) }
        }
        if signedData.nextTag == 0xA1 { _ = try signedData.read(0xA1) }
        var signerInfos = signedData.inside(try signedData.read(0x31))
        guard signedData.isAtEnd else { throw DERReader.Unhandled() }
        var signerInfo = signerInfos.inside(try signerInfos.read(0x30))
        guard signerInfos.isAtEnd else { throw DERReader.Unhandled() }

        let signerVersion = try Self.version(&signerInfo)
        let sid = try signerInfo.read()
        switch (sid.tag, signerVersion) {
        case (0x30, 1): self.signer = .issuerAndSerial(signerInfo.slice(sid.contents))
        case (0x80, 3): self.signer = .subjectKeyIdentifier(signerInfo.slice(sid.contents))
        default: throw DERReader.Unhandled()
        }
        guard try Self.algorithm(&signerInfo) == OID.sha256 else { throw DERReader.Unhandled() }
        let attributes = try signerInfo.read(0xA0)
        self.signatureAlgorithm = try Self.algorithm(&signerInfo)
        self.signature = signerInfo.slice(try signerInfo.read(0x04).contents)
        if signerInfo.nextTag == 0xA1 { _ = try signerInfo.read(0xA1) }
        guard signerInfo.isAtEnd else { throw DERReader.Unhandled() }

        var signed = signerInfo.slice(attributes.encoding)
        signed[0] = 0x31
        self.signedAttributes = signed
        var contentTypes = 0
        var digest: [UInt8]?
        var time: [UInt8]?
        var previous: ArraySlice<UInt8>?
        var list = signerInfo.inside(attributes)
        while !list.isAtEnd {
            let attribute = try list.read(0x30)
            let encoding = der[attribute.encoding]
            if let previous, !Self.precedesInSetOrder(previous, encoding) { throw DERReader.Unhandled() }
            previous = encoding
            var fields = list.inside(attribute)
            let type = fields.slice(try fields.read(0x06).contents)
            var values = fields.inside(try fields.read(0x31))
            guard fields.isAtEnd else { throw DERReader.Unhandled() }
            let value = try values.read()
            guard values.isAtEnd, [0x06, 0x04, 0x17, 0x18, 0x30].contains(value.tag) else { throw DERReader.Unhandled() }
            switch type {
            case OID.contentType:
                guard value.tag == 0x06, values.contents(of: value, equal: OID.data) else { throw DERReader.Unhandled() }
                contentTypes += 1
            case OID.messageDigest:
                guard value.tag == 0x04, digest == nil else { throw DERReader.Unhandled() }
                digest = values.slice(value.contents)
            case OID.signingTime:
                guard value.tag == 0x17 || value.tag == 0x18, time == nil else { throw DERReader.Unhandled() }
                time = values.slice(value.encoding)
            default:
                continue
            }
        }
        guard contentTypes == 1, let digest else { throw DERReader.Unhandled() }
        self.messageDigest = digest
        self.signingTime = time
    }

    /// A version INTEGER of one byte (the only kind the fast path's shape carries).
    private static func version(_ reader: inout DERReader) throws(DERReader.Unhandled) -> UInt8 {
        let element = try reader.read(0x02)
        guard element.contents.count == 1 else { throw DERReader.Unhandled() }
        return reader.bytes[element.contents.lowerBound]
    }

    /// An AlgorithmIdentifier's OID; parameters must be absent or NULL.
    private static func algorithm(_ reader: inout DERReader) throws(DERReader.Unhandled) -> [UInt8] {
        var fields = reader.inside(try reader.read(0x30))
        let oid = fields.slice(try fields.read(0x06).contents)
        if !fields.isAtEnd {
            let parameters = try fields.read(0x05)
            guard parameters.contents.isEmpty, fields.isAtEnd else { throw DERReader.Unhandled() }
        }
        return oid
    }

    /// DER's order for the elements of a SET OF: by their encodings as octet strings, the shorter one
    /// padded with zeros (X.690 11.6). Equal encodings are allowed next to each other.
    static func precedesInSetOrder(_ lhs: ArraySlice<UInt8>, _ rhs: ArraySlice<UInt8>) -> Bool {
        for (left, right) in zip(lhs, rhs) where left != right { return left < right }
        if lhs.count <= rhs.count { return true }
        return lhs.dropFirst(rhs.count).allSatisfy { $0 == 0 }
    }
}
