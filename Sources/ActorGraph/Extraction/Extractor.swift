/// The per-document pipeline: text layer → actor recognition → relations.
public struct Extractor: Sendable {
    public let recognizer: ActorRecognizer
    public let relations: RelationExtractor
    /// Warm word tables for the threads that extract (see `Vocabulary`).
    private let vocabularies = VocabularyPool()
    /// What each word of a vocabulary can open (`ActorRecognizer.openings`), made once per word.
    private let wordOpenings = WordOpeningsPool()

    public init(gazetteer: Gazetteer, rules: RuleTable) {
        self.recognizer = ActorRecognizer(gazetteer: gazetteer)
        self.relations = RelationExtractor(rules: rules)
    }

    /// The default configuration: the bundled gazetteer and relation rules.
    public static func standard(extraGazetteers: [Gazetteer] = [], replaceDefault: Bool = false) throws -> Extractor {
        var gazetteer = replaceDefault ? Gazetteer(version: "custom", actors: []) : try Gazetteer.bundled()
        for extra in extraGazetteers { gazetteer = gazetteer.merged(with: extra) }
        try gazetteer.validateParents()
        return Extractor(gazetteer: gazetteer, rules: try RuleTable.bundled())
    }

    public func extract(_ article: Article) -> DocumentExtraction {
        vocabularies.withVocabulary { extract(article, vocabulary: $0) }
    }

    private func extract(_ article: Article, vocabulary: Vocabulary) -> DocumentExtraction {
        let masked = FrontMatter.masked(article.text)
        let text = NormalizedText(masked)
        let openings = wordOpenings.table(for: vocabulary)
        openings.startDocument(vocabulary)
        let (tokens, ids) = Tokenizer.tokenize(text, vocabulary: vocabulary)
        let sentences = SentenceSplitter.split(tokens, in: text)
        let readings = TokenReadings(ids: ids, vocabulary: vocabulary)
        // An undated article is read in the era of the latest year it writes.
        let era = article.date ?? TextEra.latestYear(in: tokens)
        let actors = recognizer.recognize(text, tokens: tokens, readings: readings, sentences: sentences, date: era,
                                          vocabulary: vocabulary, known: (openings, ids))
        var found = relations.extract(text: text, tokens: tokens, readings: readings, sentences: sentences, actors: actors,
                                     words: (ids, vocabulary))
        let cited = Extractor.citedSentences(&found, of: sentences.count)
        let citedTexts = Extractor.slices(of: masked, cited.map { sentences[$0].start..<sentences[$0].end }, text: text)
        let sentenceTexts = zip(cited, citedTexts).map { i, cut in
            DocumentExtraction.SentenceText(start: sentences[i].start, end: sentences[i].end, text: NormalizedText.display(cut))
        }
        return DocumentExtraction(article: article, actors: actors, sentences: sentenceTexts, relations: found)
    }

    /// `text.originalText` of each range (code points of `string`, which `text` was made from),
    /// cut from `string` itself: a copy of a slice of a valid string is not validated again, as a
    /// new string encoded from the scalars was. Ranges in increasing order are found in one walk.
    static func slices(of string: String, _ ranges: [Range<Int>], text: NormalizedText) -> [String] {
        guard let offsets = string.utf8.withContiguousStorageIfAvailable({ byteRanges($0, ranges) }) else {
            return ranges.map { text.originalText($0) }
        }
        let utf8 = string.utf8
        return offsets.map { b in
            String(Substring(utf8[utf8.index(utf8.startIndex, offsetBy: b.lowerBound)..<utf8.index(utf8.startIndex, offsetBy: b.upperBound)]))
        }
    }

    /// The byte ranges of code-point ranges of valid UTF-8, found walking on from one range to
    /// the next (from the start again when a range begins before the last one).
    static func byteRanges(_ utf8: UnsafeBufferPointer<UInt8>, _ ranges: [Range<Int>]) -> [Range<Int>] {
        // `byte` is where code point `scalar` starts (the end of the text after the last one).
        var byte = 0, scalar = 0
        return ranges.map { r in
            if r.lowerBound < scalar { byte = 0; scalar = 0 }
            advance(utf8, &byte, &scalar, to: r.lowerBound)
            let from = byte
            advance(utf8, &byte, &scalar, to: r.upperBound)
            return from..<byte
        }
    }

    /// Moves `byte` to the start of code point `target` (≥ `scalar`): eight bytes at a time while
    /// they start no more code points than remain to pass, then one byte at a time. A block may
    /// end inside a code point: what is counted is the code points that start before `b`.
    @inline(__always)
    private static func advance(_ utf8: UnsafeBufferPointer<UInt8>, _ byte: inout Int, _ scalar: inout Int, to target: Int) {
        var b = byte, n = scalar
        while b + 8 <= utf8.count {
            let starts = 8 - NormalizedText.continuationBytes(UnsafeRawPointer(utf8.baseAddress! + b).loadUnaligned(as: UInt64.self))
            guard n + starts <= target else { break }
            n += starts
            b += 8
        }
        while b < utf8.count {
            if utf8[b] & 0xC0 != 0x80 {
                if n == target { break }
                n += 1
            }
            b += 1
        }
        byte = b
        scalar = n
    }

    /// The sentences the relations cite, in text order, with the evidence renumbered to point
    /// into that list: only they are written out, and making every sentence's text was a visible cost.
    static func citedSentences(_ relations: inout [ExtractedRelation], of count: Int) -> [Int] {
        var number = [Int](repeating: -1, count: count)
        for r in relations { for e in r.evidence { number[e.sentence] = 0 } }
        var cited: [Int] = []
        for i in 0..<count where number[i] >= 0 {
            number[i] = cited.count
            cited.append(i)
        }
        for r in relations.indices {
            for e in relations[r].evidence.indices { relations[r].evidence[e].sentence = number[relations[r].evidence[e].sentence] }
        }
        return cited
    }
}

extension NormalizedText {
    /// Text for display in evidence: line breaks folded into spaces.
    static func display(_ text: String) -> String {
        // Scalar by scalar: each of these is a character of its own (CR LF aside, which is folded
        // whole), so this splits where `Character.isNewline` does, without grapheme breaking.
        guard hasLineBreak(text) else { return text }
        return text.unicodeScalars.split(whereSeparator: isNewline).map { String(String.UnicodeScalarView($0)) }.joined(separator: " ")
    }

    /// `text.unicodeScalars.contains(where: isNewline)`, read from the UTF-8 eight bytes at a time
    /// (decoding every scalar of every cited sentence was a visible cost; a break is rare). In
    /// valid UTF-8 a byte 0x0A–0x0D is that scalar, and U+0085, U+2028 and U+2029 start with the
    /// lead bytes 0xC2 and 0xE2: a block with none of these bytes holds no line break.
    static func hasLineBreak(_ text: String) -> Bool {
        let answer = text.utf8.withContiguousStorageIfAvailable { utf8 -> Bool in
            var i = 0
            let n = utf8.count
            while i < n {
                if i + 8 <= n && !mayHoldLineBreakBytes(UnsafeRawPointer(utf8.baseAddress! + i).loadUnaligned(as: UInt64.self)) {
                    i += 8
                    continue
                }
                let b = utf8[i]
                if b >= 0x0A && b <= 0x0D { return true }
                if b == 0xC2 && i + 1 < n && utf8[i + 1] == 0x85 { return true }
                if b == 0xE2 && i + 2 < n && utf8[i + 1] == 0x80 && (utf8[i + 2] == 0xA8 || utf8[i + 2] == 0xA9) { return true }
                i += 1
            }
            return false
        }
        return answer ?? text.unicodeScalars.contains(where: isNewline)
    }

    /// Whether one of the eight bytes of `x` is below 0x0E, 0xC2 or 0xE2 (the exact tests for a zero
    /// byte and for a byte below n ≤ 128).
    @inline(__always)
    static func mayHoldLineBreakBytes(_ x: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        @inline(__always) func hasZero(_ v: UInt64) -> Bool { (v &- ones) & ~v & highs != 0 }
        return (x &- ones &* 0x0E) & ~x & highs != 0 || hasZero(x ^ (ones &* 0xC2)) || hasZero(x ^ (ones &* 0xE2))
    }

    static func isNewline(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x0A...0x0D, 0x85, 0x2028, 0x2029: return true
        default: return false
        }
    }
}
