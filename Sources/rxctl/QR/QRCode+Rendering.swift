/// Output forms: terminal text and PNG.
extension QRCode {
    /// Modules around the symbol that scanners need light (the spec asks for 4).
    static let quietZone = 4

    /// The symbol as text, two module rows per line with half-block characters, dark modules drawn
    /// in the terminal's foreground colour. `inverted` swaps that for terminals with light text on
    /// a dark background.
    func terminalText(inverted: Bool = false) -> String {
        let quiet = Self.quietZone
        let span = -quiet..<(self.size + quiet)
        func dark(_ x: Int, _ y: Int) -> Bool {
            let inside = (0..<self.size).contains(x) && (0..<self.size).contains(y)
            return (inside && self.modules[y][x]) != inverted
        }
        var lines: [String] = []
        for y in stride(from: -quiet, to: self.size + quiet, by: 2) {
            var line = ""
            for x in span {
                switch (dark(x, y), dark(x, y + 1)) {
                case (true, true): line += "█"
                case (true, false): line += "▀"
                case (false, true): line += "▄"
                case (false, false): line += " "
                }
            }
            lines.append(line)
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// A greyscale PNG, `scale` pixels per module, with the quiet zone.
    func png(scale: Int = 8) -> [UInt8] {
        let side = (self.size + 2 * Self.quietZone) * scale
        var pixels: [[UInt8]] = []
        pixels.reserveCapacity(side)
        for row in 0..<side {
            let y = row / scale - Self.quietZone
            var line = [UInt8](repeating: 255, count: side)
            if (0..<self.size).contains(y) {
                for x in 0..<self.size where self.modules[y][x] {
                    let start = (x + Self.quietZone) * scale
                    for column in start..<start + scale { line[column] = 0 }
                }
            }
            pixels.append(line)
        }
        return PNGWriter.grayscale(width: side, rows: pixels)
    }
}
