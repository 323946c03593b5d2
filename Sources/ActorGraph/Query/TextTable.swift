/// Columns for a terminal, padded by display width rather than by character count.
///
/// Arabic letters take one cell like Latin ones; harakat and other combining marks, and format
/// characters (bidi controls, ZWJ), take none; East Asian wide characters take two. Text is kept in
/// logical order — the terminal does the bidi. A row should start with a Latin column (an id, a
/// number then an id) so that a bidi terminal lays the row out left to right.
public enum DisplayWidth {
    public static func of(_ text: some StringProtocol) -> Int {
        var width = 0
        for s in text.unicodeScalars { width += of(s) }
        return width
    }

    public static func of(_ s: Unicode.Scalar) -> Int {
        let v = s.value
        if v < 0x20 || (0x7F..<0xA0).contains(v) { return 0 }
        if v < 0x300 { return 1 }
        switch s.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: return 0
        default: break
        }
        if (0x1160...0x11FF).contains(v) { return 0 }  // Hangul medial vowels and finals join the syllable
        if isWide(v) { return 2 }
        return 1
    }

    static func isWide(_ v: UInt32) -> Bool {
        switch v {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF,
             0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60, 0xFFE0...0xFFE6,
             0x1F300...0x1F64F, 0x1F900...0x1F9FF, 0x20000...0x3FFFD:
            return true
        default:
            return false
        }
    }

    /// `text` followed by spaces up to `width` display cells.
    public static func pad(_ text: String, to width: Int) -> String {
        let missing = width - of(text)
        return missing > 0 ? text + String(repeating: " ", count: missing) : text
    }
}

/// Rows of cells laid out in aligned columns. The last column is not padded (no trailing spaces).
public struct TextTable: Sendable {
    public var rows: [[String]]
    /// Columns whose cells are aligned to the right (numbers).
    public var rightAligned: Set<Int>
    public var gap: Int

    public init(_ rows: [[String]], rightAligned: Set<Int> = [], gap: Int = 2) {
        self.rows = rows; self.rightAligned = rightAligned; self.gap = gap
    }

    public func lines(indent: String = "") -> [String] {
        let columns = rows.map(\.count).max() ?? 0
        var widths = [Int](repeating: 0, count: columns)
        for row in rows { for (i, cell) in row.enumerated() { widths[i] = max(widths[i], DisplayWidth.of(cell)) } }
        return rows.map { row in
            var line = indent
            for (i, cell) in row.enumerated() {
                let last = i == row.count - 1
                let fill = String(repeating: " ", count: max(widths[i] - DisplayWidth.of(cell), 0))
                if rightAligned.contains(i) { line += fill + cell } else { line += last ? cell : cell + fill }
                if !last { line += String(repeating: " ", count: gap) }
            }
            while line.hasSuffix(" ") { line.removeLast() }
            return line
        }
    }
}
