/// Reads the plain layout of gazetteer YAML that the bundled file (and most user files) is written
/// in, straight from its bytes: composing the document with Yams, then looking every field up in
/// its nodes, was most of the start-up of a run (about 80 ms at every `extract`).
///
/// The reader knows a narrow subset and gives up (nil) on anything outside it, or on anything the
/// Yams reader would refuse; `GazetteerLoader.parse` then reads the file with Yams, which reports
/// the problem with its place. When it answers, it gives the actors the Yams reader gives (the
/// speed-path tests compare them on the bundled file and on variants of it). The subset:
///
/// - one document: a block mapping at column 0 with `version` (a scalar) and `actors`, followed by
///   a block sequence of actors, each a block mapping whose keys are at one column;
/// - values on one line: a plain scalar, a quoted one without escapes, or a flow sequence of plain
///   scalars (`[a, b]`); `dated_aliases` as a block sequence of one-line flow mappings
///   (`- {name: …, until: …}`);
/// - comment lines and blank lines anywhere, comments after a value;
/// - no tabs, carriage returns, control characters, byte-order marks, anchors, tags, multi-line
///   scalars or document markers.
enum GazetteerFastReader {
    /// The gazetteer, or nil when the text is not in the subset or would not be accepted.
    static func parse(_ yaml: String) -> Gazetteer? {
        var yaml = yaml
        return yaml.withUTF8 { parse(bytes: $0) }
    }

    private static func parse(bytes: UnsafeBufferPointer<UInt8>) -> Gazetteer? {
        guard allPlainText(bytes) else { return nil }
        var lines = Lines(bytes)
        var version: String?
        var actors: [GazetteerActor]?
        // The top-level mapping: `version: …` and `actors:` at column 0.
        while let line = lines.next() {
            guard line.indent == 0, let (key, rest) = lines.key(line) else { return nil }
            switch key {
            case "version":
                guard version == nil, let value = lines.scalarValue(rest) else { return nil }
                version = value
            case "actors":
                guard actors == nil, lines.isEnd(rest) else { return nil }
                guard let list = readActors(&lines) else { return nil }
                actors = list
            default:
                return nil
            }
        }
        guard let actors else { return nil }
        var checkedVersion = "unversioned"
        if let version {
            guard let v = GazetteerLoader.nonEmptyTrimmed(version) else { return nil }
            checkedVersion = v
        }
        var ids = Set<String>()
        for actor in actors { guard ids.insert(actor.id).inserted else { return nil } }
        return Gazetteer(version: checkedVersion, actors: actors)
    }

    /// The block sequence after `actors:`: items `- key: value` at one column, their other keys
    /// two further (at the column of the first key).
    private static func readActors(_ lines: inout Lines) -> [GazetteerActor]? {
        var actors: [GazetteerActor] = []
        guard let first = lines.peek(), first.isItem else { return nil }
        let dash = first.indent
        while let line = lines.peek(), line.indent == dash {
            guard line.isItem else { break }
            lines.advance()
            guard let actor = readActor(&lines, item: line) else { return nil }
            actors.append(actor)
        }
        // Whatever follows must be another top-level key (column 0, not a sequence item).
        if let next = lines.peek(), next.indent != 0 || next.isItem { return nil }
        return actors
    }

    /// The raw fields of one actor, read from `- key: value` and the lines below it.
    private static func readActor(_ lines: inout Lines, item: Line) -> GazetteerActor? {
        // The first key follows "- " and any further spaces; it sets the mapping's column.
        var start = item.start + item.indent + 1
        while start < item.end && lines.bytes[start] == 0x20 { start += 1 }
        guard start < item.end else { return nil }
        let column = start - item.start
        var fields = Fields()
        guard readField(&lines, Line(start: item.start, end: item.end, indent: column, isItem: false), into: &fields) else { return nil }
        while let line = lines.peek(), line.indent == column, !line.isItem {
            lines.advance()
            guard readField(&lines, line, into: &fields) else { return nil }
        }
        // The mapping ends at an item of the actors' sequence or at a top-level key; any other
        // column (a continuation line, a deeper key) is outside the subset.
        if let next = lines.peek(), !(next.indent < column && (next.isItem || next.indent == 0)) { return nil }
        return fields.actor()
    }

    private static func readField(_ lines: inout Lines, _ line: Line, into fields: inout Fields) -> Bool {
        guard let (key, rest) = lines.key(line), !fields.seen.contains(key) else { return false }
        fields.seen.insert(key)
        switch key {
        case "id", "type", "ar", "en", "parent", "side":
            guard let value = lines.scalarValue(rest) else { return false }
            fields.scalars[key] = value
        case "aliases_ar", "aliases_en":
            let names: [String]
            if lines.bytes[rest.lowerBound] == 0x5B {
                guard let list = lines.flowSequence(rest) else { return false }
                names = list
            } else {
                guard let value = lines.scalarValue(rest) else { return false }
                names = [value]
            }
            if key == "aliases_ar" { fields.aliasesAr = names } else { fields.aliasesEn = names }
        case "dated_aliases":
            guard lines.isEnd(rest), let dated = readDatedAliases(&lines, keyColumn: line.indent) else { return false }
            fields.dated = dated
        default:
            return false
        }
        return true
    }

    /// `- {name: …, from: …, until: …}` lines at one column (at least the key's).
    private static func readDatedAliases(_ lines: inout Lines, keyColumn: Int) -> [(name: String, from: String?, until: String?)]? {
        guard let first = lines.peek(), first.isItem, first.indent >= keyColumn else { return nil }
        var dated: [(name: String, from: String?, until: String?)] = []
        while let line = lines.peek(), line.isItem, line.indent == first.indent {
            lines.advance()
            var i = line.start + line.indent + 1
            while i < line.end && lines.bytes[i] == 0x20 { i += 1 }
            guard let pairs = lines.flowMapping(i..<line.end) else { return nil }
            var name: String?, from: String?, until: String?
            for (key, value) in pairs {
                switch key {
                case "name" where name == nil: name = value
                case "from" where from == nil: from = value
                case "until" where until == nil: until = value
                default: return nil
                }
            }
            guard let name else { return nil }
            dated.append((name, from, until))
        }
        return dated
    }

    /// What one actor's lines gave, before the checks the Yams reader makes.
    private struct Fields {
        var seen: Set<String> = []
        var scalars: [String: String] = [:]
        var aliasesAr: [String] = []
        var aliasesEn: [String] = []
        var dated: [(name: String, from: String?, until: String?)] = []

        /// The actor as `GazetteerLoader`'s Yams reader makes it, or nil where it would throw.
        func actor() -> GazetteerActor? {
            func value(_ key: String) -> String?? {
                guard let raw = scalars[key] else { return .some(nil) }
                guard let trimmed = GazetteerLoader.nonEmptyTrimmed(raw) else { return nil }
                return .some(trimmed)
            }
            guard let idValue = value("id"), let id = idValue, GazetteerLoader.isValidID(id),
                  let typeValue = value("type"), let typeName = typeValue, let type = ActorType(rawValue: typeName),
                  let arValue = value("ar"), let ar = arValue,
                  let en = value("en"), let parent = value("parent"), let side = value("side") else { return nil }
            var datedAliases: [DatedAlias] = []
            for entry in dated {
                guard let name = GazetteerLoader.nonEmptyTrimmed(entry.name) else { return nil }
                var alias = DatedAlias(name: name)
                if let from = entry.from {
                    guard let text = GazetteerLoader.nonEmptyTrimmed(from), let date = PartialDate(text) else { return nil }
                    alias.from = date
                }
                if let until = entry.until {
                    guard let text = GazetteerLoader.nonEmptyTrimmed(until), let date = PartialDate(text) else { return nil }
                    alias.until = date
                }
                guard alias.from != nil || alias.until != nil else { return nil }
                datedAliases.append(alias)
            }
            var aliasesAr: [String] = [], aliasesEn: [String] = []
            for raw in self.aliasesAr { guard let name = GazetteerLoader.nonEmptyTrimmed(raw) else { return nil }; aliasesAr.append(name) }
            for raw in self.aliasesEn { guard let name = GazetteerLoader.nonEmptyTrimmed(raw) else { return nil }; aliasesEn.append(name) }
            return GazetteerActor(id: id, type: type, name: ar, nameEn: en ?? id, aliasesAr: aliasesAr, aliasesEn: aliasesEn,
                                  parent: parent, side: side, datedAliases: datedAliases)
        }
    }

    /// Whether the bytes hold no character that YAML reads as a line break other than "\n", that
    /// it refuses (controls, U+FEFF, U+FFFE, U+FFFF), or that the subset leaves out (tab, "\r").
    private static func allPlainText(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let n = bytes.count
        var i = 0
        while i < n {
            let b = bytes[i]
            if b < 0x20 { if b != 0x0A { return false } }
            else if b == 0x7F { return false }
            else if b == 0xC2 { if i + 1 < n && bytes[i + 1] < 0xA0 { return false } }  // U+0080–U+009F, NEL among them
            else if b == 0xE2 { if i + 2 < n && bytes[i + 1] == 0x80 && (bytes[i + 2] == 0xA8 || bytes[i + 2] == 0xA9) { return false } }  // U+2028, U+2029
            else if b == 0xEF {
                if i + 2 < n && ((bytes[i + 1] == 0xBB && bytes[i + 2] == 0xBF) || (bytes[i + 1] == 0xBF && bytes[i + 2] >= 0xBE)) { return false }
            }
            i += 1
        }
        return true
    }

    /// A line with content: its bytes, its indentation, and whether it is a sequence item ("- ").
    struct Line {
        var start: Int
        var end: Int
        var indent: Int
        var isItem: Bool
    }

    /// The lines of the text that hold more than spaces and a comment.
    struct Lines {
        let bytes: UnsafeBufferPointer<UInt8>
        private var position = 0
        private var pending: Line?

        init(_ bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

        mutating func peek() -> Line? {
            if pending == nil { pending = scan() }
            return pending
        }

        mutating func advance() { pending = nil }

        mutating func next() -> Line? {
            let line = peek()
            pending = nil
            return line
        }

        private mutating func scan() -> Line? {
            let n = bytes.count
            while position < n {
                let start = position
                var end = start
                while end < n && bytes[end] != 0x0A { end += 1 }
                position = end + 1
                var i = start
                while i < end && bytes[i] == 0x20 { i += 1 }
                if i == end || bytes[i] == 0x23 { continue }  // blank, or a comment line
                let indent = i - start
                if indent == 0 && end - start >= 3 {
                    // Document markers and directives.
                    let b = bytes[start]
                    if b == 0x25 { return Line(start: start, end: start, indent: -1, isItem: false) }
                    if (b == 0x2D || b == 0x2E) && bytes[start + 1] == b && bytes[start + 2] == b {
                        return Line(start: start, end: start, indent: -1, isItem: false)
                    }
                }
                let isItem = bytes[i] == 0x2D && (i + 1 == end || bytes[i + 1] == 0x20)
                return Line(start: start, end: end, indent: indent, isItem: isItem)
            }
            return nil
        }

        /// `key:` at the line's indentation: the key (lowercase letters and "_") and what follows the colon.
        func key(_ line: Line) -> (String, Range<Int>)? {
            guard line.indent >= 0 else { return nil }
            let start = line.start + line.indent
            var i = start
            while i < line.end && (bytes[i] == 0x5F || (bytes[i] >= 0x61 && bytes[i] <= 0x7A)) { i += 1 }
            guard i > start, i < line.end, bytes[i] == 0x3A else { return nil }
            let key = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<i]), as: UTF8.self)
            if i + 1 == line.end { return (key, line.end..<line.end) }
            guard bytes[i + 1] == 0x20 else { return nil }
            var v = i + 1
            while v < line.end && bytes[v] == 0x20 { v += 1 }
            return (key, v..<line.end)
        }

        /// Whether only a comment (or nothing) is left.
        func isEnd(_ rest: Range<Int>) -> Bool { rest.isEmpty || bytes[rest.lowerBound] == 0x23 }

        /// Spaces, then a comment or the end of the line.
        private func onlySpaces(from i: Int, to end: Int) -> Bool {
            var i = i
            while i < end && bytes[i] == 0x20 { i += 1 }
            return i == end || bytes[i] == 0x23
        }

        /// A value that is one scalar: plain, or quoted without escapes; then at most a comment.
        func scalarValue(_ rest: Range<Int>) -> String? {
            guard !rest.isEmpty else { return nil }
            let b = bytes[rest.lowerBound]
            if b == 0x22 || b == 0x27 {
                var close = rest.lowerBound + 1
                while close < rest.upperBound && bytes[close] != b {
                    if bytes[close] == 0x5C && b == 0x22 { return nil }  // an escape
                    close += 1
                }
                guard close < rest.upperBound else { return nil }
                if b == 0x27 && close + 1 < rest.upperBound && bytes[close + 1] == 0x27 { return nil }  // '' in a single-quoted one
                guard onlySpaces(from: close + 1, to: rest.upperBound), close + 1 == rest.upperBound || bytes[close + 1] == 0x20 else { return nil }
                return string(rest.lowerBound + 1..<close)
            }
            guard !Lines.startsOtherThanPlain(b) else { return nil }
            // A plain scalar in block context: to the end of the line or a " #" comment; ": " or a
            // final ":" would make it a key.
            var end = rest.lowerBound
            var i = rest.lowerBound
            while i < rest.upperBound {
                let c = bytes[i]
                if c == 0x23 && bytes[i - 1] == 0x20 { break }
                if c == 0x3A && (i + 1 == rest.upperBound || bytes[i + 1] == 0x20) { return nil }
                if c != 0x20 { end = i + 1 }
                i += 1
            }
            return string(rest.lowerBound..<end)
        }

        /// `[a, b, …]` of plain scalars on one line, then at most a comment.
        func flowSequence(_ rest: Range<Int>) -> [String]? {
            var i = rest.lowerBound + 1
            var items: [String] = []
            skipSpaces(&i, rest.upperBound)
            if i < rest.upperBound && bytes[i] == 0x5D {
                return onlySpaces(from: i + 1, to: rest.upperBound) ? items : nil
            }
            while true {
                guard let item = flowScalar(&i, rest.upperBound) else { return nil }
                items.append(item)
                guard i < rest.upperBound else { return nil }
                if bytes[i] == 0x5D { return onlySpaces(from: i + 1, to: rest.upperBound) ? items : nil }
                guard bytes[i] == 0x2C else { return nil }
                i += 1
                skipSpaces(&i, rest.upperBound)
            }
        }

        /// `{key: value, …}` of plain scalars on one line, then at most a comment.
        func flowMapping(_ rest: Range<Int>) -> [(String, String)]? {
            guard rest.lowerBound < rest.upperBound, bytes[rest.lowerBound] == 0x7B else { return nil }
            var i = rest.lowerBound + 1
            var pairs: [(String, String)] = []
            skipSpaces(&i, rest.upperBound)
            while true {
                let keyStart = i
                while i < rest.upperBound && (bytes[i] == 0x5F || (bytes[i] >= 0x61 && bytes[i] <= 0x7A)) { i += 1 }
                guard i > keyStart, i + 1 < rest.upperBound, bytes[i] == 0x3A, bytes[i + 1] == 0x20 else { return nil }
                let key = string(keyStart..<i)
                i += 1
                skipSpaces(&i, rest.upperBound)
                guard let value = flowScalar(&i, rest.upperBound) else { return nil }
                pairs.append((key, value))
                guard i < rest.upperBound else { return nil }
                if bytes[i] == 0x7D { return onlySpaces(from: i + 1, to: rest.upperBound) ? pairs : nil }
                guard bytes[i] == 0x2C else { return nil }
                i += 1
                skipSpaces(&i, rest.upperBound)
            }
        }

        /// A plain scalar inside brackets or braces, from `i` (past leading spaces) to the next
        /// "," "]" or "}" (`i` is left there); nil for anything unusual in it.
        private func flowScalar(_ i: inout Int, _ limit: Int) -> String? {
            guard i < limit, !Lines.startsOtherThanPlain(bytes[i]) else { return nil }
            let start = i
            var end = i
            while i < limit {
                let c = bytes[i]
                if c == 0x2C || c == 0x5D || c == 0x7D { break }
                if c == 0x5B || c == 0x7B || c == 0x3A || c == 0x23 { return nil }
                if c != 0x20 { end = i + 1 }
                i += 1
            }
            return string(start..<end)
        }

        private func skipSpaces(_ i: inout Int, _ limit: Int) {
            while i < limit && bytes[i] == 0x20 { i += 1 }
        }

        /// Whether a scalar starting with `b` is not a plain one, or is one the subset leaves out
        /// (YAML's indicators: - ? : , [ ] { } # & * ! | > ' " % @ `).
        private static func startsOtherThanPlain(_ b: UInt8) -> Bool {
            switch b {
            case 0x2D, 0x3F, 0x3A, 0x2C, 0x5B, 0x5D, 0x7B, 0x7D, 0x23, 0x26, 0x2A, 0x21, 0x7C, 0x3E, 0x27, 0x22, 0x25, 0x40, 0x60, 0x20:
                return true
            default:
                return false
            }
        }

        private func string(_ range: Range<Int>) -> String {
            String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
        }
    }
}
