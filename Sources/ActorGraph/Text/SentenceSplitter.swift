/// A sentence: a range of tokens and the original code-point span it covers.
public struct Sentence: Sendable, Equatable {
    public var tokenRange: Range<Int>
    /// Original text span, code points, end exclusive.
    public var start: Int
    public var end: Int
}

/// Splits a token stream into sentences.
///
/// Ends a sentence after `.` `!` `?` `؟` `…` (with any closing quotes or brackets that follow),
/// at line breaks (headings and paragraphs), and before a glued sentence opener. A full stop
/// between two digits (3.5) does not end a sentence. A run of more than `maximumTokens` tokens
/// with no end (scraped text without punctuation) is cut at its last comma, or hard, so that
/// every later step works on bounded pieces.
public enum SentenceSplitter {
    public static let maximumTokens = 300
    static let terminators: Set<Word> = [".", "!", "?", "؟", "…", "\u{06D4}"]
    static let closers: Set<Word> = ["\"", ")", "]", "}", "»", "”"]

    public static func split(_ tokens: [Token], in text: NormalizedText) -> [Sentence] {
        var sentences: [Sentence] = []
        var begin = 0
        func close(_ end: Int) {
            // Drop leading and trailing line breaks; skip sentences with no word.
            var a = begin, b = end
            while a < b && tokens[a].kind == .lineBreak { a += 1 }
            while b > a && tokens[b - 1].kind == .lineBreak { b -= 1 }
            if tokens[a..<b].contains(where: { $0.kind == .word }) {
                let span = text.originalRange(tokens[a].start, tokens[b - 1].end)
                sentences.append(Sentence(tokenRange: a..<b, start: span.lowerBound, end: span.upperBound))
            }
            begin = end
        }
        // The sets fetched once, and each token's fields read where they are needed rather than
        // the token copied (its word's string retained and released) at every step.
        let terminators = SentenceSplitter.terminators, closers = SentenceSplitter.closers
        var i = 0
        while i < tokens.count {
            if tokens[i].startsSentence && i > begin { close(i) }
            if i - begin >= maximumTokens {
                let comma = (begin..<i).last { tokens[$0].word == "،" || tokens[$0].word == "," || tokens[$0].word == "؛" }
                close(comma.map { $0 + 1 } ?? i)
            }
            switch tokens[i].kind {
            case .lineBreak:
                close(i + 1)
            case .punctuation where terminators.contains(tokens[i].word):
                if tokens[i].word == ".", i > 0, i + 1 < tokens.count, tokens[i - 1].end == tokens[i].start, tokens[i + 1].start == tokens[i].end,
                   tokens[i - 1].text.last?.isNumber == true, tokens[i + 1].text.first?.isNumber == true {
                    break  // a decimal point
                }
                var j = i + 1
                while j < tokens.count && tokens[j].kind == .punctuation && (terminators.contains(tokens[j].word) || closers.contains(tokens[j].word)) {
                    j += 1
                }
                close(j)
                i = j - 1
            default:
                break
            }
            i += 1
        }
        if begin < tokens.count { close(tokens.count) }
        return sentences
    }
}
