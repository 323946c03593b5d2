/// Writes compact JSON byte for byte as `JSONEncoder` does with `.sortedKeys` and
/// `.withoutEscapingSlashes`, for the records written once per document: going through
/// `Encodable` cost a tenth of the extractor's time. Callers write keys in sorted order.
///
/// The bytes are stored through a pointer into storage that doubles when full: an `Array` checked
/// its uniqueness and room at each of the many small appends of a line. A writer is not copied.
struct JSONLineWriter {
    /// `count` bytes written at `base`, which has room for `capacity`.
    private var base: UnsafeMutablePointer<UInt8>
    private(set) var count = 0
    private var capacity: Int
    /// Frees the storage when the writer goes.
    private let owner: Storage
    /// Strings written with `string(_:key:)`, by key (`repeats[key]` for a key of 0 or more,
    /// `negativeRepeats[-1 - key]` for a negative one): the text and where its escaped bytes are,
    /// valid while its `generation` is the writer's. A dictionary hashed every key and was
    /// emptied slot by slot at every line.
    private var repeats: [Repeat] = []
    private var negativeRepeats: [Repeat] = []
    private var generation: UInt32 = 1
    /// Whether a key always comes with the same text until `forgetRepeats` (as the lines written
    /// from an extraction key sentences and actors by their index): the text is then neither
    /// kept nor compared, which retained and released every keyed string.
    var keysNameTheirTexts = false

    private struct Repeat {
        var generation: UInt32 = 0
        var text = ""
        var escaped = 0..<0
    }

    private final class Storage {
        var pointer: UnsafeMutablePointer<UInt8>
        init(_ pointer: UnsafeMutablePointer<UInt8>) { self.pointer = pointer }
        deinit { pointer.deallocate() }
    }

    init(capacity: Int = 4096) {
        self.capacity = max(capacity, 16)
        base = .allocate(capacity: self.capacity)
        owner = Storage(base)
    }

    var bytes: [UInt8] { withUnsafeBytes { Array($0) } }

    func withUnsafeBytes<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        try body(UnsafeRawBufferPointer(start: base, count: count))
    }

    /// Empties the writer, keeping its storage.
    mutating func removeAll() {
        count = 0
        forgetRepeats()
    }

    /// Forgets the strings written by key (their keys name sentences of one document).
    mutating func forgetRepeats() {
        generation &+= 1
        if generation == 0 {  // after 2^32 lines: the old generations could come back
            repeats.removeAll(keepingCapacity: true)
            negativeRepeats.removeAll(keepingCapacity: true)
            generation = 1
        }
    }

    @inline(__always)
    private mutating func reserve(_ n: Int) {
        if capacity - count < n { grow(n) }
    }

    @inline(never)
    private mutating func grow(_ n: Int) {
        capacity = max(capacity * 2, count + n)
        let larger = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
        larger.initialize(from: base, count: count)
        base.deallocate()
        base = larger
        owner.pointer = larger
    }

    @inline(__always)
    private mutating func append(_ byte: UInt8) {
        reserve(1)
        base[count] = byte
        count += 1
    }

    @inline(__always)
    private mutating func append(_ start: UnsafePointer<UInt8>, _ n: Int) {
        reserve(n)
        (base + count).initialize(from: start, count: n)
        count += n
    }

    @inline(__always)
    mutating func raw(_ s: StaticString) {
        append(s.utf8Start, s.utf8CodeUnitCount)
    }

    mutating func string(_ s: String) {
        // The bytes read where they are (a copy to call `withUTF8` on retained and released it).
        if s.utf8.withContiguousStorageIfAvailable({ quoted($0) }) != nil { return }
        var s = s
        s.withUTF8 { quoted($0) }
    }

    @inline(__always)
    private mutating func quoted(_ utf8: UnsafeBufferPointer<UInt8>) {
        reserve(utf8.count + 2)
        append(0x22)
        appendEscaped(utf8)
        append(0x22)
    }

    /// `string(s)` for a string that comes back under the same `key` (a sentence, cited as evidence
    /// of every relation in it: five citations in six repeat one): escaped once, then copied.
    /// Without a key, `string(s)`.
    mutating func string(_ s: String, key: Int?) {
        guard let key else { return string(s) }
        if key >= 0 {
            if key >= repeats.count { repeats.append(contentsOf: repeatElement(Repeat(), count: key + 1 - repeats.count)) }
            if copyRepeat(of: s, repeats[key]) { return }
            let start = count
            string(s)
            repeats[key] = Repeat(generation: generation, text: keysNameTheirTexts ? "" : s, escaped: start..<count)
        } else {
            let k = -1 - key
            if k >= negativeRepeats.count { negativeRepeats.append(contentsOf: repeatElement(Repeat(), count: k + 1 - negativeRepeats.count)) }
            if copyRepeat(of: s, negativeRepeats[k]) { return }
            let start = count
            string(s)
            negativeRepeats[k] = Repeat(generation: generation, text: keysNameTheirTexts ? "" : s, escaped: start..<count)
        }
    }

    /// Copies the escaped bytes of `s` written before under the key of `known`, if they are.
    @inline(__always)
    private mutating func copyRepeat(of s: String, _ known: Repeat) -> Bool {
        guard known.generation == generation && (keysNameTheirTexts || known.text == s) else { return false }
        let n = known.escaped.count
        reserve(n)  // first: it may move the storage the copy is read from
        (base + count).initialize(from: base + known.escaped.lowerBound, count: n)
        count += n
        return true
    }

    /// Copies runs of bytes that need no escape at once: in Arabic text that is nearly all of them.
    /// The runs are found eight bytes at a time (`needsEscape`), then byte by byte around an escape.
    private mutating func appendEscaped(_ utf8: UnsafeBufferPointer<UInt8>) {
        guard let start = utf8.baseAddress else { return }
        let n = utf8.count
        var runStart = 0, i = 0
        while i < n {
            while i + 8 <= n && !JSONLineWriter.needsEscape(UnsafeRawPointer(start + i).loadUnaligned(as: UInt64.self)) { i += 8 }
            guard i < n else { break }
            let b = start[i]
            if b < 0x20 || b == 0x22 || b == 0x5C {
                if runStart < i { append(start + runStart, i - runStart) }
                runStart = i + 1
                switch b {
                case 0x22: append(0x5C); append(0x22)
                case 0x5C: append(0x5C); append(0x5C)
                case 0x08: append(0x5C); append(0x62)
                case 0x0C: append(0x5C); append(0x66)
                case 0x0A: append(0x5C); append(0x6E)
                case 0x0D: append(0x5C); append(0x72)
                case 0x09: append(0x5C); append(0x74)
                default:
                    raw("\\u00"); append(JSONLineWriter.hex(b >> 4)); append(JSONLineWriter.hex(b & 0xF))
                }
            }
            i += 1
        }
        if runStart < n { append(start + runStart, n - runStart) }
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
        guard n >= 0 else { for b in String(n).utf8 { append(b) }; return }
        var digits = 1, rest = n / 10
        while rest > 0 { digits += 1; rest /= 10 }
        reserve(digits)
        var value = n, k = count + digits
        repeat {
            k -= 1
            base[k] = UInt8(truncatingIfNeeded: 0x30 + value % 10)
            value /= 10
        } while value > 0
        count += digits
    }

    mutating func bool(_ b: Bool) { b ? raw("true") : raw("false") }

    /// `[` items separated by commas `]`.
    mutating func array<C: Collection>(_ items: C, _ body: (inout JSONLineWriter, C.Element) -> Void) {
        append(0x5B)
        var first = true
        for item in items {
            if !first { append(0x2C) }
            first = false
            body(&self, item)
        }
        append(0x5D)
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
        var w = JSONLineWriter(capacity: estimatedLength)
        write(to: &w, lineBreak: lineBreak)
        return w.bytes
    }

    /// Appends the line to what `w` holds.
    func write(to w: inout JSONLineWriter, lineBreak: Bool) {
        // A record's evidence is keyed by its start, which two sentences of a record made by hand could share.
        w.keysNameTheirTexts = false
        ExtractionLine.line(&w, date: date, doc: doc, lineBreak: lineBreak, entities: { w in
            w.array(entities) { w, e in
                ExtractionLine.entity(&w, discovered: e.discovered, id: e.id, idKey: nil, name: e.name, nameEn: e.name_en, type: e.type) { w in
                    w.array(e.mentions) { w, m in ExtractionLine.mention(&w, start: m.start, end: m.end, text: m.text) }
                }
            }
        }, relations: { w in
            w.array(relations) { w, r in
                ExtractionLine.relation(&w, source: r.source, sourceKey: nil, target: r.target, targetKey: nil, type: r.type) { w in
                    w.array(r.evidence) { w, e in
                        ExtractionLine.evidence(&w, cue: e.cue, start: e.start, end: e.end, sentence: e.sentence, sentenceKey: e.start)
                    }
                }
            }
        })
    }

    /// `ExtractionRecord(doc, includeCoMentions:).write(to:lineBreak:)`, written from the extraction
    /// itself: making the record (its arrays, and a copy of every string) and destroying it were
    /// a third of the line's cost. Strings that recur in a line are escaped once: each cited
    /// sentence (keyed by its index) and each actor's id (keyed by -1 - the actor's index).
    static func write(_ doc: DocumentExtraction, includeCoMentions: Bool, to w: inout JSONLineWriter, lineBreak: Bool) {
        let actors = doc.actors.actors, mentions = doc.actors.mentions, sentences = doc.sentences
        let names = NameMentions(doc.actors)
        // Sentence `k` and actor `i` have one text each.
        w.keysNameTheirTexts = true
        // Fields are read in place: a copy of an actor, a mention or a sentence retained and
        // released each of its strings.
        ExtractionLine.line(&w, date: doc.article.date, doc: doc.article.id, lineBreak: lineBreak, entities: { w in
            w.array(actors.indices.lazy.filter { names.hasNames(actor: $0) }) { w, i in
                ExtractionLine.entity(&w, discovered: actors[i].discovered, id: actors[i].id, idKey: -1 - i, name: actors[i].name,
                                      nameEn: actors[i].nameEn, type: actors[i].type) { w in
                    w.array(names.of(actor: i)) { w, k in
                        ExtractionLine.mention(&w, start: mentions[k].start, end: mentions[k].end, text: mentions[k].text)
                    }
                }
            }
        }, relations: { w in
            w.array(doc.relations.lazy.filter { includeCoMentions || $0.type.isTyped }) { w, r in
                ExtractionLine.relation(&w, source: actors[r.source].id, sourceKey: -1 - r.source,
                                        target: actors[r.target].id, targetKey: -1 - r.target, type: r.type) { w in
                    w.array(r.evidence) { w, e in
                        ExtractionLine.evidence(&w, cue: e.cue, start: sentences[e.sentence].start, end: sentences[e.sentence].end,
                                                sentence: sentences[e.sentence].text, sentenceKey: e.sentence)
                    }
                }
            }
        })
    }
}

/// The name mentions of each actor, in text order, as indices into the document's mentions:
/// grouped by counting into one array rather than into an array per actor.
private struct NameMentions {
    /// The mentions of actor `i` are `order[starts[i]..<starts[i + 1]]`.
    private var starts: [Int]
    private var order: [Int]

    init(_ actors: DocumentActors) {
        let mentions = actors.mentions
        var starts = [Int](repeating: 0, count: actors.actors.count + 1)
        for m in mentions where m.kind == .name { starts[m.actor + 1] += 1 }
        for i in 0..<actors.actors.count { starts[i + 1] += starts[i] }
        var next = starts
        var order = [Int](repeating: 0, count: starts[actors.actors.count])
        for k in mentions.indices where mentions[k].kind == .name {
            order[next[mentions[k].actor]] = k
            next[mentions[k].actor] += 1
        }
        self.starts = starts
        self.order = order
    }

    func hasNames(actor i: Int) -> Bool { starts[i + 1] > starts[i] }

    func of(actor i: Int) -> ArraySlice<Int> { order[starts[i]..<starts[i + 1]] }
}

/// The layout of a line, keys in sorted order: one place for the record and for the extraction
/// it is made from. The parts that are lists are written by the caller's closures.
enum ExtractionLine {
    static func line(_ w: inout JSONLineWriter, date: PartialDate?, doc: String, lineBreak: Bool,
                     entities: (inout JSONLineWriter) -> Void, relations: (inout JSONLineWriter) -> Void) {
        w.forgetRepeats()
        w.raw("{")
        if let date { w.raw("\"date\":"); w.string(date.description); w.raw(",") }
        w.raw("\"doc\":"); w.string(doc)
        w.raw(",\"entities\":"); entities(&w)
        w.raw(",\"relations\":"); relations(&w)
        w.raw("}")
        if lineBreak { w.raw("\n") }
    }

    static func entity(_ w: inout JSONLineWriter, discovered: Bool, id: String, idKey: Int?, name: String, nameEn: String,
                       type: ActorType, mentions: (inout JSONLineWriter) -> Void) {
        w.raw("{\"discovered\":"); w.bool(discovered)
        w.raw(",\"id\":"); w.string(id, key: idKey)
        w.raw(",\"mentions\":"); mentions(&w)
        w.raw(",\"name\":"); w.string(name)
        w.raw(",\"name_en\":"); w.string(nameEn)
        w.raw(",\"type\":"); w.string(type.rawValue)
        w.raw("}")
    }

    static func mention(_ w: inout JSONLineWriter, start: Int, end: Int, text: String) {
        w.raw("{\"end\":"); w.int(end)
        w.raw(",\"start\":"); w.int(start)
        w.raw(",\"text\":"); w.string(text)
        w.raw("}")
    }

    static func relation(_ w: inout JSONLineWriter, source: String, sourceKey: Int?, target: String, targetKey: Int?,
                         type: RelationType, evidence: (inout JSONLineWriter) -> Void) {
        w.raw("{\"evidence\":"); evidence(&w)
        w.raw(",\"source\":"); w.string(source, key: sourceKey)
        w.raw(",\"target\":"); w.string(target, key: targetKey)
        w.raw(",\"type\":"); w.string(type.rawValue)
        w.raw("}")
    }

    static func evidence(_ w: inout JSONLineWriter, cue: String?, start: Int, end: Int, sentence: String, sentenceKey: Int) {
        w.raw("{")
        if let cue { w.raw("\"cue\":"); w.string(cue); w.raw(",") }
        w.raw("\"end\":"); w.int(end)
        w.raw(",\"sentence\":"); w.string(sentence, key: sentenceKey)
        w.raw(",\"start\":"); w.int(start)
        w.raw("}")
    }
}

/// Lines of `extract --format jsonl` written into one buffer kept from document to document:
/// its storage is allocated once, at the longest line, instead of once per line.
public struct ExtractionLines {
    private var writer = JSONLineWriter(capacity: 1 << 16)

    public init() {}

    /// Empties the buffer, keeping its storage.
    public mutating func removeAll() { writer.removeAll() }

    /// Appends `ExtractionRecord(doc, includeCoMentions:).jsonLineBytes(lineBreak: true)`.
    public mutating func append(_ doc: DocumentExtraction, includeCoMentions: Bool = true) {
        ExtractionRecord.write(doc, includeCoMentions: includeCoMentions, to: &writer, lineBreak: true)
    }

    public func withUnsafeBytes<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        try writer.withUnsafeBytes(body)
    }
}
