/// Writes compact JSON byte for byte as `JSONEncoder` does with `.sortedKeys` and
/// `.withoutEscapingSlashes`, for the records written once per document: going through
/// `Encodable` cost a tenth of the extractor's time. Callers write keys in sorted order.
struct JSONLineWriter {
    private(set) var bytes: [UInt8] = []
    /// Strings written with `string(_:key:)`, by key: the text and its escaped bytes in `written`.
    private var repeats: [Int: (text: String, escaped: Range<Int>)] = [:]
    private var written: [UInt8] = []

    init(capacity: Int = 4096) { bytes.reserveCapacity(capacity) }

    /// A writer that appends to `bytes` (taken, not copied; `finish` hands them back).
    init(appendingTo bytes: inout [UInt8]) { swap(&self.bytes, &bytes) }

    mutating func finish(into bytes: inout [UInt8]) { swap(&self.bytes, &bytes) }

    mutating func raw(_ s: StaticString) {
        s.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    mutating func string(_ s: String) {
        bytes.append(0x22)
        var s = s
        s.withUTF8 { appendEscaped($0) }
        bytes.append(0x22)
    }

    /// `string(s)` for a string that comes back under the same `key` (a sentence, cited as evidence
    /// of every relation in it: five citations in six repeat one): escaped once, then copied.
    mutating func string(_ s: String, key: Int) {
        if let known = repeats[key], known.text == s {
            bytes.append(contentsOf: written[known.escaped])
            return
        }
        let start = bytes.count
        string(s)
        let from = written.count
        written.append(contentsOf: bytes[start...])
        repeats[key] = (s, from..<written.count)
    }

    /// Copies runs of bytes that need no escape at once: in Arabic text that is nearly all of them.
    /// The runs are found eight bytes at a time (`needsEscape`), then byte by byte around an escape.
    private mutating func appendEscaped(_ utf8: UnsafeBufferPointer<UInt8>) {
        guard let base = utf8.baseAddress else { return }
        let n = utf8.count
        var runStart = 0, i = 0
        while i < n {
            while i + 8 <= n && !JSONLineWriter.needsEscape(UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)) { i += 8 }
            guard i < n else { break }
            let b = base[i]
            if b < 0x20 || b == 0x22 || b == 0x5C {
                if runStart < i { bytes.append(contentsOf: UnsafeBufferPointer(start: base + runStart, count: i - runStart)) }
                runStart = i + 1
                switch b {
                case 0x22: bytes.append(0x5C); bytes.append(0x22)
                case 0x5C: bytes.append(0x5C); bytes.append(0x5C)
                case 0x08: bytes.append(0x5C); bytes.append(0x62)
                case 0x0C: bytes.append(0x5C); bytes.append(0x66)
                case 0x0A: bytes.append(0x5C); bytes.append(0x6E)
                case 0x0D: bytes.append(0x5C); bytes.append(0x72)
                case 0x09: bytes.append(0x5C); bytes.append(0x74)
                default:
                    bytes.append(contentsOf: [0x5C, 0x75, 0x30, 0x30, JSONLineWriter.hex(b >> 4), JSONLineWriter.hex(b & 0xF)])
                }
            }
            i += 1
        }
        if runStart < n { bytes.append(contentsOf: UnsafeBufferPointer(start: base + runStart, count: n - runStart)) }
    }

    /// Whether one of the eight bytes of `x` is below 0x20, a quote or a backslash. Exact (the
    /// classic tests for a zero byte and for a byte below n ≤ 128), so a block it passes needs no escape.
    @inline(__always)
    static func needsEscape(_ x: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        @inline(__always) func hasZero(_ v: UInt64) -> Bool { (v &- ones) & ~v & highs != 0 }
        let below = (x &- ones &* 0x20) & ~x & highs != 0
        return below || hasZero(x ^ (ones &* 0x22)) || hasZero(x ^ (ones &* 0x5C))
    }

    private static func hex(_ nibble: UInt8) -> UInt8 { nibble < 10 ? 0x30 + nibble : 0x61 + nibble - 10 }

    /// Digits written straight into the bytes (offsets are many: four for every mention and evidence).
    mutating func int(_ n: Int) {
        guard n >= 0 else { bytes.append(contentsOf: String(n).utf8); return }
        var digits = 1, rest = n / 10
        while rest > 0 { digits += 1; rest /= 10 }
        let end = bytes.count + digits
        bytes.append(contentsOf: repeatElement(0x30, count: digits))
        var value = n, k = end
        repeat {
            k -= 1
            bytes[k] = UInt8(truncatingIfNeeded: 0x30 + value % 10)
            value /= 10
        } while value > 0
    }

    mutating func bool(_ b: Bool) { b ? raw("true") : raw("false") }

    /// `[` items separated by commas `]`.
    mutating func array<C: Collection>(_ items: C, _ body: (inout JSONLineWriter, C.Element) -> Void) {
        bytes.append(0x5B)
        var first = true
        for item in items {
            if !first { bytes.append(0x2C) }
            first = false
            body(&self, item)
        }
        bytes.append(0x5D)
    }
}

extension ExtractionRecord {
    /// About the line's length in bytes (its strings, and room for keys and numbers), so that
    /// its storage is allocated once rather than grown and copied several times.
    var estimatedLength: Int {
        var n = 256 + doc.utf8.count
        for e in entities {
            n += 128 + e.id.utf8.count + e.name.utf8.count + e.name_en.utf8.count
            for m in e.mentions { n += 48 + m.text.utf8.count }
        }
        for r in relations {
            n += 96 + r.source.utf8.count + r.target.utf8.count
            for e in r.evidence { n += 64 + (e.cue?.utf8.count ?? 0) + e.sentence.utf8.count }
        }
        return n
    }

    /// The record as one line of compact JSON with sorted keys (no line break).
    public func jsonLine() throws -> String { String(decoding: jsonLineBytes(), as: UTF8.self) }

    /// The same line as UTF-8 bytes, followed by a line break: what `extract` writes, without
    /// going through a `String`.
    public func jsonLineBytes(lineBreak: Bool = false) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(estimatedLength)
        appendJSONLine(to: &bytes, lineBreak: lineBreak)
        return bytes
    }

    /// `jsonLineBytes` appended to `bytes`: `extract` writes every line from one buffer.
    public func appendJSONLine(to bytes: inout [UInt8], lineBreak: Bool = false) {
        var w = JSONLineWriter(appendingTo: &bytes)
        w.raw("{")
        if let date { w.raw("\"date\":"); w.string(date.description); w.raw(",") }
        w.raw("\"doc\":"); w.string(doc)
        w.raw(",\"entities\":")
        w.array(entities) { w, e in
            w.raw("{\"discovered\":"); w.bool(e.discovered)
            w.raw(",\"id\":"); w.string(e.id)
            w.raw(",\"mentions\":")
            w.array(e.mentions) { w, m in
                w.raw("{\"end\":"); w.int(m.end)
                w.raw(",\"start\":"); w.int(m.start)
                w.raw(",\"text\":"); w.string(m.text)
                w.raw("}")
            }
            w.raw(",\"name\":"); w.string(e.name)
            w.raw(",\"name_en\":"); w.string(e.name_en)
            w.raw(",\"type\":"); w.string(e.type.rawValue)
            w.raw("}")
        }
        w.raw(",\"relations\":")
        w.array(relations) { w, r in
            w.raw("{\"evidence\":")
            w.array(r.evidence) { w, e in
                w.raw("{")
                if let cue = e.cue { w.raw("\"cue\":"); w.string(cue); w.raw(",") }
                w.raw("\"end\":"); w.int(e.end)
                w.raw(",\"sentence\":"); w.string(e.sentence, key: e.start)
                w.raw(",\"start\":"); w.int(e.start)
                w.raw("}")
            }
            w.raw(",\"source\":"); w.string(r.source)
            w.raw(",\"target\":"); w.string(r.target)
            w.raw(",\"type\":"); w.string(r.type.rawValue)
            w.raw("}")
        }
        w.raw("}")
        if lineBreak { w.raw("\n") }
        w.finish(into: &bytes)
    }
}
