/// A word, number or punctuation mark of the normalized text.
public struct Token: Sendable, Equatable {
    public enum Kind: Sendable, Equatable { case word, punctuation, lineBreak }
    public var kind: Kind
    /// Range in `NormalizedText.normalized`.
    public var start: Int
    public var end: Int
    /// The normalized text of the token.
    public var text: String
    /// True when a sentence starts at this token although no punctuation marks it
    /// (a heading glued to the next sentence, as scraped pages often have).
    public var startsSentence: Bool = false
}

/// Splits normalized text into tokens.
///
/// Words are runs of letters and digits; every other visible character is its own punctuation
/// token; line breaks are kept because they end headings. Scraped pages often glue a heading to
/// the next sentence («…فلول النظاموقال مصدر»): a word that ends in a common sentence opener such
/// as «وقال» or «بدورها» is cut there and the opener starts a new sentence.
public enum Tokenizer {
    static let gluedOpeners: [[Unicode.Scalar]] = [
        "وقال", "وقالت", "واضاف", "واضافت", "واكد", "واكدت", "واوضح", "واوضحت", "واشار", "واشارت",
        "وذكر", "وذكرت", "وتابع", "وتابعت", "ولفت", "ولفتت", "وافاد", "وافادت", "وكان", "وكانت",
        "وتاتي", "وياتي", "بدوره", "بدورها", "ونقل", "ونقلت", "واعلن", "واعلنت",
    ].map { Array(ArabicNormalizer.normalize($0).unicodeScalars) }

    @inline(__always)
    static func isWordScalar(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        if v < 0x80 {
            return (v >= 0x61 && v <= 0x7A) || (v >= 0x30 && v <= 0x39) || (v >= 0x41 && v <= 0x5A)
        }
        if (0x0621...0x063A).contains(v) || (0x0641...0x064A).contains(v) || (0x066E...0x06D3).contains(v) || (0x06FA...0x06FF).contains(v) {
            return true
        }
        if (0x0600...0x06FF).contains(v) { return false }  // Arabic punctuation: ، ؛ ؟ ٪ …
        return s.properties.isAlphabetic || s.properties.numericType != nil
    }

    public static func tokenize(_ text: NormalizedText) -> [Token] {
        let scalars = text.normalized
        var tokens: [Token] = []
        tokens.reserveCapacity(scalars.count / 5)
        var i = 0
        let n = scalars.count
        while i < n {
            let s = scalars[i]
            if isWordScalar(s) {
                var j = i + 1
                while j < n && isWordScalar(scalars[j]) { j += 1 }
                appendWord(scalars, i, j, to: &tokens)
                i = j
            } else if s == "\n" || s == "\r" || s == "\u{2029}" || s == "\u{2028}" {
                tokens.append(Token(kind: .lineBreak, start: i, end: i + 1, text: "\n"))
                i += 1
            } else if s.properties.isWhitespace {
                i += 1
            } else {
                tokens.append(Token(kind: .punctuation, start: i, end: i + 1, text: String(s)))
                i += 1
            }
        }
        return tokens
    }

    private static func appendWord(_ scalars: [Unicode.Scalar], _ start: Int, _ end: Int, to tokens: inout [Token]) {
        let length = end - start
        if length >= 7 {
            for opener in gluedOpeners where length - opener.count >= 3 {
                let cut = end - opener.count
                if scalars[cut..<end].elementsEqual(opener) {
                    tokens.append(Token(kind: .word, start: start, end: cut, text: string(scalars[start..<cut])))
                    tokens.append(Token(kind: .word, start: cut, end: end, text: string(scalars[cut..<end]), startsSentence: true))
                    return
                }
            }
        }
        tokens.append(Token(kind: .word, start: start, end: end, text: string(scalars[start..<end])))
    }

    @inline(__always)
    static func string(_ slice: ArraySlice<Unicode.Scalar>) -> String {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: slice)
        return String(view)
    }
}
