/// Mask choice: each of the eight masks is applied in turn and the one with the lowest penalty
/// (long runs, 2×2 blocks, finder look-alikes, dark/light imbalance) is kept.
extension QRCode {
    mutating func chooseMask() {
        var best = (mask: 0, penalty: Int.max)
        for mask in 0..<8 {
            self.applyMask(mask)
            self.drawFormatBits(mask: mask)
            let penalty = self.penalty()
            if penalty < best.penalty { best = (mask, penalty) }
            self.applyMask(mask)  // XOR again undoes it
        }
        self.mask = best.mask
        self.applyMask(best.mask)
        self.drawFormatBits(mask: best.mask)
    }

    private mutating func applyMask(_ mask: Int) {
        for y in 0..<self.size {
            for x in 0..<self.size where !self.isFunctionModule[y][x] {
                let invert: Bool
                switch mask {
                case 0: invert = (x + y) % 2 == 0
                case 1: invert = y % 2 == 0
                case 2: invert = x % 3 == 0
                case 3: invert = (x + y) % 3 == 0
                case 4: invert = (x / 3 + y / 2) % 2 == 0
                case 5: invert = x * y % 2 + x * y % 3 == 0
                case 6: invert = (x * y % 2 + x * y % 3) % 2 == 0
                default: invert = ((x + y) % 2 + x * y % 3) % 2 == 0
                }
                if invert { self.modules[y][x].toggle() }
            }
        }
    }

    private func penalty() -> Int {
        var total = 0
        let rows = self.modules
        let columns = (0..<self.size).map { x in rows.map { $0[x] } }
        for line in rows + columns {
            // N1: runs of five or more modules of one colour.
            var runLength = 1
            for index in 1..<line.count {
                if line[index] == line[index - 1] {
                    runLength += 1
                } else {
                    if runLength >= 5 { total += runLength - 2 }
                    runLength = 1
                }
            }
            if runLength >= 5 { total += runLength - 2 }
            // N3: 1:1:3:1:1 finder look-alikes with four light modules on one side.
            let pattern: [Bool] = [true, false, true, true, true, false, true]
            for start in 0...(line.count - 7) where Array(line[start..<start + 7]) == pattern {
                let before = start >= 4 && !line[(start - 4)..<start].contains(true)
                let after = start + 11 <= line.count && !line[(start + 7)..<(start + 11)].contains(true)
                if before || after { total += 40 }
            }
        }
        // N2: 2×2 blocks of one colour.
        for y in 0..<(self.size - 1) {
            for x in 0..<(self.size - 1) {
                let colour = rows[y][x]
                if rows[y][x + 1] == colour, rows[y + 1][x] == colour, rows[y + 1][x + 1] == colour { total += 3 }
            }
        }
        // N4: 10 points per 5 % the dark share strays from 50 %.
        let dark = rows.reduce(0) { $0 + $1.filter { $0 }.count }
        let percent = dark * 100 / (self.size * self.size)
        total += abs(percent - 50) / 5 * 10
        return total
    }
}
