import Testing

@testable import RxTransport

@Suite("Facility identity from a certificate subject")
struct FacilityIdentityTests {
    typealias Entries = [(shortName: String, value: String)]

    private func parse(_ entries: Entries) throws(IdentityError) -> FacilityIdentity {
        try FacilityIdentity(subjectEntries: entries, serialHex: "01AB", notAfter: 2_000_000_000)
    }

    @Test("a hospital subject with one role")
    func hospital() throws {
        let identity = try self.parse([
            ("C", "VN"), ("O", "Bệnh viện Đa khoa Thử nghiệm Sài Gòn"), ("OU", "prescriber"), ("CN", "79088"),
        ])
        #expect(
            identity
                == FacilityIdentity(
                    facilityCode: "79088", facilityName: "Bệnh viện Đa khoa Thử nghiệm Sài Gòn",
                    roles: [.prescriber], certificateSerial: "01AB", notAfter: 2_000_000_000))
        #expect(identity.provinceCode == "79")
    }

    @Test(
        "roles come from every OU naming a known role; other OUs are ignored",
        arguments: [
            (["prescriber", "pharmacy"], Set<FacilityRole>([.prescriber, .pharmacy])),
            (["pharmacy", "Khoa Dược", "regulator"], [.pharmacy, .regulator]),
            (["Prescriber", "prescribers", " prescriber"], []),
            (["pharmacy", "pharmacy"], [.pharmacy]),
            ([], []),
        ] as [([String], Set<FacilityRole>)])
    func roles(units: [String], expected: Set<FacilityRole>) throws {
        let entries: Entries = [("CN", "01215"), ("O", "Phòng khám")] + units.map { (shortName: "OU", value: $0) }
        #expect(try self.parse(entries).roles == expected)
    }

    @Test(
        "a subject that does not name one valid facility is refused",
        arguments: [
            ([("O", "Nhà thuốc"), ("OU", "pharmacy")], IdentityError.missingFacilityCode),
            ([("CN", "4810"), ("O", "Nhà thuốc")], .invalidFacilityCode("4810")),
            ([("CN", "481020"), ("O", "Nhà thuốc")], .invalidFacilityCode("481020")),
            ([("CN", "48-02"), ("O", "Nhà thuốc")], .invalidFacilityCode("48-02")),
            ([("CN", "4810đ"), ("O", "Nhà thuốc")], .invalidFacilityCode("4810đ")),
            ([("CN", ""), ("O", "Nhà thuốc")], .invalidFacilityCode("")),
            ([("CN", "48102")], .missingFacilityName),
            ([("CN", "48102"), ("CN", "79088"), ("O", "x")], .repeatedAttribute(shortName: "CN", values: ["48102", "79088"])),
            ([("CN", "48102"), ("O", "a"), ("O", "b")], .repeatedAttribute(shortName: "O", values: ["a", "b"])),
        ] as [(Entries, IdentityError)])
    func refused(entries: Entries, expected: IdentityError) {
        #expect(throws: expected) { try self.parse(entries) }
    }

    @Test("codes with letters are accepted; province code only when the code starts with two digits")
    func lettersInCode() throws {
        let regulator = try self.parse([("CN", "01QLD"), ("O", "Cục Quản lý Dược"), ("OU", "regulator")])
        #expect(regulator.facilityCode == "01QLD")
        #expect(regulator.provinceCode == "01")
        let lettered = try self.parse([("CN", "ab123"), ("O", "x")])
        #expect(lettered.provinceCode == nil)
    }

    @Test("attributes other than CN, O and OU do not affect the identity")
    func otherAttributes() throws {
        let identity = try self.parse([
            ("C", "VN"), ("serialNumber", "000123/HCM-CCHN"), ("CN", "56007"), ("L", "Nha Trang"),
            ("O", "Trung tâm Y tế Thử nghiệm Nha Trang"), ("2.5.4.97", "56007"),
        ])
        #expect(identity.facilityCode == "56007")
        #expect(identity.facilityName == "Trung tâm Y tế Thử nghiệm Nha Trang")
        #expect(identity.roles.isEmpty)
    }

    @Test("errors describe the offending attribute")
    func errorDescriptions() {
        #expect(IdentityError.invalidFacilityCode("4810").description.contains("'4810'"))
        #expect(
            IdentityError.repeatedAttribute(shortName: "CN", values: ["a", "b"]).description
                == "certificate subject has 2 CN attributes (a, b); expected one")
    }
}
