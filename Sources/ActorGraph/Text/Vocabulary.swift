import Foundation

/// The distinct words one worker has met, each with its string and clitic readings made once,
/// kept from one document to the next.
///
/// Most tokens of an archive are words seen before. Making a token's `String` (with the UTF-8
/// validation Swift runs on every new string) and peeling its clitics were a large share of the
/// per-token cost; here a table keyed by the token's scalars hands both back instead. The answers
/// are the ones `Tokenizer.word` and `CliticVariants.readings` give, so output does not change.
///
/// A vocabulary is used by one thread at a time (`Extractor` keeps a pool). It is emptied before a
/// document once it holds `capacity` words, so its memory stays bounded however large the archive.
///
/// Its tables are marked `@exclusivity(unchecked)`: one thread uses them, and no access to one
/// overlaps another access to the same table (a memo's `make` never touches its own memo), so
/// Swift's run-time exclusivity checks, a call at every access of every token, only cost time.
final class Vocabulary {
    /// Words kept before the table is emptied (by default 65,536: an archive's frequent words
    /// fit many times over).
    let capacity: Int

    @exclusivity(unchecked) private(set) var words: [Word] = []
    /// Each word's fingerprint, apart from its string, so that probing touches no reference.
    @exclusivity(unchecked) private var fingerprints: [UInt64] = []
    /// Each word's readings, as a range of `readings`.
    @exclusivity(unchecked) private(set) var readingSpans: [Range<Int32>] = []
    @exclusivity(unchecked) private(set) var readings: [CliticVariants.Reading] = []
    /// The scalars of every word, one after the other, to check a fingerprint's match.
    @exclusivity(unchecked) private var spelled: [Unicode.Scalar] = []
    @exclusivity(unchecked) private var spellings: [Range<Int32>] = []
    /// Open addressing on the fingerprint: a word's index, or -1.
    @exclusivity(unchecked) private var slots: [Int32]

    /// The slots start small and double as words come (a small table stays in cache).
    init(capacity: Int = 1 << 16) {
        self.capacity = capacity
        slots = Array(repeating: -1, count: 1 << 12)
    }

    var count: Int { words.count }

    /// The words of names: short forms, variant merging and anaphora split every actor's names in
    /// every document, and the same names come back document after document. `normalizedNameWords`
    /// normalizes the name first (`AliasMatcher.words(of: ArabicNormalizer.normalize(name))`),
    /// `nameWords` takes it as it is (`AliasMatcher.words(of: name)`).
    @exclusivity(unchecked) private var normalizedNameWords = Memo<[Word]>()
    @exclusivity(unchecked) private var nameWords = Memo<[Word]>()
    /// What a discovered actor's name gives, by name: its id and English name (transliterated,
    /// both), and by the text it was found as, its display name. The same discovered names recur
    /// from document to document.
    @exclusivity(unchecked) private var identities = Memo<(id: String, nameEn: String)>()
    @exclusivity(unchecked) private var displayNames = Memo<String>()

    func words(ofName written: Word) -> [Word] {
        normalizedNameWords.value(for: written) { AliasMatcher.words(of: ArabicNormalizer.normalize(written.text)) }
    }

    func words(of name: String) -> [Word] {
        nameWords.value(for: Word(name)) { AliasMatcher.words(of: name) }
    }

    func identity(ofName name: String, _ make: (String) -> (id: String, nameEn: String)) -> (id: String, nameEn: String) {
        identities.value(for: Word(name)) { make(name) }
    }

    func displayName(of original: String, _ make: (String) -> String) -> String {
        displayNames.value(for: Word(original)) { make(original) }
    }

    /// Values remembered by the text they were made from, forgotten once there are `capacity`.
    private struct Memo<Value> {
        private var values: [Word: Value] = [:]

        mutating func value(for key: Word, _ make: () -> Value) -> Value {
            if let known = values[key] { return known }
            let made = make()
            values[key] = made
            return made
        }

        mutating func makeRoom(_ capacity: Int) {
            if values.count >= capacity { values.removeAll(keepingCapacity: true) }
        }
    }

    /// Each word's description by a rule table's word sets (`CompiledRules.describe`), `stride`
    /// words each, made on first use; for the one table named by `describedBy`.
    @exclusivity(unchecked) private var descriptions: [UInt64] = []
    @exclusivity(unchecked) private var described: [Bool] = []
    @exclusivity(unchecked) private var describedBy: ObjectIdentifier?

    /// `CompiledRules.describe` for the tokens of `range` (`ids` their indices here), written
    /// into `bits` (`stride` words per token) and `union`.
    func describe(_ tokens: [Token], _ ids: [Int32], _ range: Range<Int>, by rules: CompiledRules,
                  into bits: inout [UInt64], union: inout [UInt64]) {
        let stride = rules.stride
        if describedBy != ObjectIdentifier(rules.identity) {
            describedBy = ObjectIdentifier(rules.identity)
            descriptions.removeAll(keepingCapacity: true)
            described.removeAll(keepingCapacity: true)
        }
        if described.count < words.count {
            described.append(contentsOf: repeatElement(false, count: words.count - described.count))
            descriptions.append(contentsOf: repeatElement(0, count: words.count * stride - descriptions.count))
        }
        for i in range where tokens[i].kind != .lineBreak {
            let word = Int(ids[i]), from = word * stride, to = (i - range.lowerBound) * stride
            if !described[word] {
                let span = readingSpans[word]
                rules.describe(readings[Int(span.lowerBound)..<Int(span.upperBound)]) { s in
                    descriptions[from + s >> 6] |= 1 << UInt64(s & 63)
                }
                described[word] = true
            }
            for k in 0..<stride {
                bits[to + k] = descriptions[from + k]
                union[k] |= descriptions[from + k]
            }
        }
    }

    /// Empties the table when it is full; called between documents, never while one is read.
    func makeRoom() {
        normalizedNameWords.makeRoom(capacity)
        nameWords.makeRoom(capacity)
        identities.makeRoom(capacity)
        displayNames.makeRoom(capacity)
        guard words.count >= capacity else { return }
        words.removeAll(keepingCapacity: true)
        fingerprints.removeAll(keepingCapacity: true)
        readingSpans.removeAll(keepingCapacity: true)
        readings.removeAll(keepingCapacity: true)
        spelled.removeAll(keepingCapacity: true)
        spellings.removeAll(keepingCapacity: true)
        descriptions.removeAll(keepingCapacity: true)
        described.removeAll(keepingCapacity: true)
        slots = Array(repeating: -1, count: 1 << 12)
    }

    /// The index of the word spelled by `slice` (`hash` being `Word.mix` over it from
    /// `Word.offsetBasis`), added with its readings when new. `isWord` says whether the token is a
    /// word (peeled for clitics) or a mark (its only reading is itself).
    @inline(__always)
    func index(of slice: UnsafeBufferPointer<Unicode.Scalar>, hash: UInt64, isWord: Bool) -> Int32 {
        let fingerprint = Word.finish(hash)
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: fingerprint) & mask
        let known: Int32? = slots.withUnsafeBufferPointer { slots in
            fingerprints.withUnsafeBufferPointer { fingerprints in
                while true {
                    let found = slots[slot]
                    if found < 0 { return nil }
                    if fingerprints[Int(found)] == fingerprint && spells(Int(found), slice) { return found }
                    slot = (slot + 1) & mask
                }
            }
        }
        if let known { return known }
        let index = Int32(words.count)
        let word = Word(text: Tokenizer.string(slice), hash: hash)
        words.append(word)
        fingerprints.append(fingerprint)
        let start = Int32(spelled.count)
        spelled.append(contentsOf: slice)
        spellings.append(start..<Int32(spelled.count))
        let first = Int32(readings.count)
        if isWord { readings.append(contentsOf: CliticVariants.readings(of: word)) }
        else { readings.append(CliticVariants.Reading(word: word, prefixLength: 0)) }
        readingSpans.append(first..<Int32(readings.count))
        slots[slot] = index
        // Probing needs free slots: at most half are taken.
        if words.count * 2 > slots.count { rehash(to: slots.count * 2) }
        return index
    }

    @inline(__always)
    private func spells(_ index: Int, _ probe: UnsafeBufferPointer<Unicode.Scalar>) -> Bool {
        let span = spellings[index]
        guard span.count == probe.count else { return false }
        if probe.isEmpty { return true }
        // Compared in line: words are a few scalars, shorter than the call to `memcmp` was.
        return spelled.withUnsafeBufferPointer { stored in
            let word = stored.baseAddress.unsafelyUnwrapped + Int(span.lowerBound)
            for k in 0..<probe.count where word[k] != probe[k] { return false }
            return true
        }
    }

    private func rehash(to size: Int) {
        slots = Array(repeating: -1, count: size)
        let mask = size - 1
        for (index, fingerprint) in fingerprints.enumerated() {
            var slot = Int(truncatingIfNeeded: fingerprint) & mask
            while slots[slot] >= 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(index)
        }
    }
}

/// A document's tokens as indices into the vocabulary they were made with.
typealias VocabularyWords = (ids: [Int32], vocabulary: Vocabulary)

/// Vocabularies waiting for a document: each extraction takes one and gives it back, so that a
/// worker thread reuses a warm table without any sharing between threads.
final class VocabularyPool: @unchecked Sendable {
    private let lock = NSLock()
    private var free: [Vocabulary] = []

    func withVocabulary<T>(_ body: (Vocabulary) -> T) -> T {
        let vocabulary = lock.withLock { free.popLast() } ?? Vocabulary()
        vocabulary.makeRoom()
        defer { lock.withLock { free.append(vocabulary) } }
        return body(vocabulary)
    }
}
