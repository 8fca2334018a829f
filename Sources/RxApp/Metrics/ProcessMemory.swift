import Glibc

/// The process's memory as the kernel reports it in `/proc/self/statm`.
enum ProcessMemory {
    /// Resident set size in bytes, or nil where `/proc` is unavailable.
    static func residentBytes() -> Int? {
        guard let file = fopen("/proc/self/statm", "r") else { return nil }
        defer { fclose(file) }
        var total = 0
        var resident = 0
        guard fscanf_statm(file, &total, &resident) else { return nil }
        return resident * Int(sysconf(Int32(_SC_PAGESIZE)))
    }

    /// Reads the first two fields (total and resident pages) of statm.
    private static func fscanf_statm(_ file: UnsafeMutablePointer<FILE>, _ total: inout Int, _ resident: inout Int) -> Bool {
        var buffer = [CChar](repeating: 0, count: 128)
        guard fgets(&buffer, Int32(buffer.count), file) != nil else { return false }
        let fields = String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
            .split(separator: " ")
        guard fields.count >= 2, let first = Int(fields[0]), let second = Int(fields[1]) else { return false }
        total = first
        resident = second
        return true
    }
}
