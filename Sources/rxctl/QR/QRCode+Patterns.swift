/// Finder, timing and alignment patterns, format information, and the data's zigzag placement.
extension QRCode {
    mutating func setFunction(_ x: Int, _ y: Int, _ dark: Bool) {
        self.modules[y][x] = dark
        self.isFunctionModule[y][x] = true
    }

    mutating func drawFunctionPatterns() {
        for index in 0..<self.size {
            self.setFunction(6, index, index % 2 == 0)
            self.setFunction(index, 6, index % 2 == 0)
        }
        self.drawFinder(3, 3)
        self.drawFinder(self.size - 4, 3)
        self.drawFinder(3, self.size - 4)
        if self.version >= 2 {
            // Versions 2–6 have one alignment pattern that does not touch a finder.
            for dy in -2...2 {
                for dx in -2...2 {
                    self.setFunction(self.size - 7 + dx, self.size - 7 + dy, max(abs(dx), abs(dy)) != 1)
                }
            }
        }
        self.drawFormatBits(mask: 0)  // reserves the area; redrawn with the chosen mask
    }

    private mutating func drawFinder(_ x: Int, _ y: Int) {
        for dy in -4...4 {
            for dx in -4...4 {
                let distance = max(abs(dx), abs(dy))
                let (column, row) = (x + dx, y + dy)
                if (0..<self.size).contains(column), (0..<self.size).contains(row) {
                    self.setFunction(column, row, distance != 2 && distance != 4)
                }
            }
        }
    }

    /// Level M (format bits 00) and the mask, BCH-protected and XOR-ed with 0x5412, in both copies.
    mutating func drawFormatBits(mask: Int) {
        let data = mask  // level M contributes 00 in the top bits
        var remainder = data
        for _ in 0..<10 { remainder = (remainder << 1) ^ ((remainder >> 9) * 0x537) }
        let bits = (data << 10 | remainder) ^ 0x5412
        func bit(_ index: Int) -> Bool { (bits >> index) & 1 == 1 }
        for index in 0...5 { self.setFunction(8, index, bit(index)) }
        self.setFunction(8, 7, bit(6))
        self.setFunction(8, 8, bit(7))
        self.setFunction(7, 8, bit(8))
        for index in 9..<15 { self.setFunction(14 - index, 8, bit(index)) }
        for index in 0..<8 { self.setFunction(self.size - 1 - index, 8, bit(index)) }
        for index in 8..<15 { self.setFunction(8, self.size - 15 + index, bit(index)) }
        self.setFunction(8, self.size - 8, true)  // the dark module
    }

    /// Two-column zigzag from the bottom right, skipping the vertical timing column.
    mutating func drawCodewords(_ codewords: [UInt8]) {
        var bitIndex = 0
        var right = self.size - 1
        while right >= 1 {
            if right == 6 { right = 5 }
            let upward = (right + 1) & 2 == 0
            for vertical in 0..<self.size {
                for offset in 0..<2 {
                    let x = right - offset
                    let y = upward ? self.size - 1 - vertical : vertical
                    if !self.isFunctionModule[y][x], bitIndex < codewords.count * 8 {
                        self.modules[y][x] = (codewords[bitIndex >> 3] >> (7 - (bitIndex & 7))) & 1 == 1
                        bitIndex += 1
                    }
                }
            }
            right -= 2
        }
    }
}
