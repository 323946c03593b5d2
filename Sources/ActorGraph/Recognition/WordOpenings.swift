import Foundation

/// `ActorRecognizer.openings` remembered per word of a worker's vocabulary.
///
/// What a token can open depends only on its word and that word's readings, and most tokens are
/// words the worker has met before: the walk of every token's readings (a visible cost) becomes
/// one table read per token. Entries are made on first use and forgotten when the vocabulary is
/// emptied, since its indices then name other words.
final class WordOpenings {
    /// By word index; `unknown` until made.
    private var masks: [UInt8] = []
    /// The vocabulary's size when it was last read: smaller at the start of a document only when
    /// the vocabulary was emptied in between (it empties to nothing, and otherwise only grows).
    private var vocabularySize = 0
    private static let unknown: UInt8 = 0xFF

    /// Forgets every entry if the vocabulary was emptied since the last document. Called before
    /// each document is tokenized.
    func startDocument(_ vocabulary: Vocabulary) {
        if vocabulary.count < vocabularySize { masks.removeAll(keepingCapacity: true) }
        vocabularySize = vocabulary.count
    }

    /// The openings of the tokens whose word indices are `ids`, each word's made by `make` (from
    /// one of its tokens) the first time it is met.
    func masks(_ ids: [Int32], vocabulary: Vocabulary, make: (Int) -> UInt8) -> [UInt8] {
        vocabularySize = vocabulary.count
        if masks.count < vocabularySize { masks.append(contentsOf: repeatElement(WordOpenings.unknown, count: vocabularySize - masks.count)) }
        var result = [UInt8](repeating: 0, count: ids.count)
        for i in ids.indices {
            let word = Int(ids[i])
            var mask = masks[word]
            if mask == WordOpenings.unknown {
                mask = make(i)
                masks[word] = mask
            }
            result[i] = mask
        }
        return result
    }
}

/// Each vocabulary's `WordOpenings`, for the extractor that owns both (a vocabulary's indices mean
/// nothing to another's table).
final class WordOpeningsPool: @unchecked Sendable {
    private let lock = NSLock()
    private var tables: [ObjectIdentifier: WordOpenings] = [:]

    /// The table of `vocabulary`, made when first asked. (Were a vocabulary freed and another made
    /// at its address, the new one starts empty: `startDocument` forgets the old entries.)
    func table(for vocabulary: Vocabulary) -> WordOpenings {
        lock.withLock {
            if let table = tables[ObjectIdentifier(vocabulary)] { return table }
            let table = WordOpenings()
            tables[ObjectIdentifier(vocabulary)] = table
            return table
        }
    }
}
