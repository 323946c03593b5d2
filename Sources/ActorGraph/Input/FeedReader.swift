import Foundation

/// Reads a JSON Lines feed one article at a time, in the order of its lines.
///
/// A UTF-8 feed is read twice, a line at a time: first to check the whole file the way
/// `TextDecoder` checks an article (a NUL byte anywhere makes it binary, invalid UTF-8 anywhere
/// changes the encoding, nothing but whitespace makes it empty), so that a feed refused as a whole
/// yields no article; then to hand out its lines. A feed in UTF-16 or Windows-1256 cannot be cut
/// into lines before it is decoded, so it is decoded whole, as before streaming.
final class FeedReader {
    private let path: String
    private let dateOverride: PartialDate?
    private let maxArticleBytes: Int
    private var state: State = .start
    private var articles = 0

    private enum State {
        case start
        case lines(LineReader, number: Int)
        /// Items already made (from a feed decoded whole, or a problem with the whole feed).
        case ready(IndexingIterator<[InputItem]>)
        case done
    }

    init(path: String, dateOverride: PartialDate?, maxArticleBytes: Int = Article.maxBytes) {
        self.maxArticleBytes = maxArticleBytes
        self.path = path
        self.dateOverride = dateOverride
    }

    /// The next article or problem; nil when the feed is done.
    func next() -> InputItem? {
        while true {
            switch state {
            case .start:
                state = begin()
            case .lines(let reader, let number):
                let bytes: ArraySlice<UInt8>
                do {
                    guard let line = try nextLine(reader) else {
                        state = .done
                        if articles == 0 { return .problem(InputProblem(file: path, message: "no articles in this feed")) }
                        return nil
                    }
                    bytes = line
                } catch {
                    state = .done
                    return .problem(InputProblem(file: path, message: "cannot read: \(error.localizedDescription)"))
                }
                state = .lines(reader, number: number + 1)
                // The first line loses its byte-order mark, as the decoder drops it from the text.
                let body = number == 0 && bytes.starts(with: FeedReader.bom) ? bytes.dropFirst(3) : bytes
                if let item = line(String(decoding: body, as: UTF8.self), number: number + 1, bytes: bytes.count + 1) { return item }
            case .ready(var items):
                guard let item = items.next() else { state = .done; continue }
                state = .ready(items)
                return item
            case .done:
                return nil
            }
        }
    }

    private static let bom: [UInt8] = [0xEF, 0xBB, 0xBF]

    /// Checks the whole feed and decides how to read it.
    private func begin() -> State {
        // A feed that cannot be opened is left to `readWhole`, which reports it as it always did.
        switch (try? Check(path: path))?.kind ?? .decodeWhole {
        case .binary(let offset):
            return .ready([.problem(InputProblem(file: path, message: TextDecodingError.binary(offset: offset).description))].makeIterator())
        case .empty:
            return .ready([.problem(InputProblem(file: path, message: TextDecodingError.empty.description))].makeIterator())
        case .decodeWhole:
            return .ready(readWhole().makeIterator())
        case .utf8:
            guard let reader = try? LineReader(path: path) else { return .ready(readWhole().makeIterator()) }
            return .lines(reader, number: 0)
        }
    }

    /// The next line of the feed, without its line end: `\n` or `\r\n` (feeds written on Windows).
    /// A carriage return cannot be part of a JSON line (JSON escapes it inside strings).
    private func nextLine(_ reader: LineReader) throws -> ArraySlice<UInt8>? {
        guard let (piece, _) = try reader.next() else { return nil }
        return piece.last == 0x0D ? piece.dropLast() : piece
    }

    /// One line of the feed as an article, a problem, or nothing (a blank line).
    private func line(_ line: String, number: Int, bytes: Int) -> InputItem? {
        guard !FeedReader.isBlank(line, .whitespaces) else { return nil }
        let place = "\(path):\(number)"
        if bytes > maxArticleBytes { return .problem(InputProblem(file: place, message: Article.tooLarge(bytes, limit: maxArticleBytes) + "; line skipped")) }
        guard let item = try? JSONDecoder().decode(FeedLine.self, from: Data(line.utf8)) else {
            return .problem(InputProblem(file: place, message: "not a JSON object with a \"text\" field; line skipped"))
        }
        guard let body = item.text, !FeedReader.isBlank(body, .whitespacesAndNewlines) else {
            return .problem(InputProblem(file: place, message: "no \"text\"; line skipped"))
        }
        var date: PartialDate?
        var problems: [InputProblem] = []
        if let d = item.date, !d.isEmpty {
            date = PartialDate(String(d.prefix(10)))
            if date == nil { problems.append(InputProblem(file: place, message: "`\(d)` is not a date; the article is undated")) }
        }
        articles += 1
        let article = Article(id: item.id ?? item.url ?? place, text: body, date: dateOverride ?? date,
                              outlet: item.outlet, title: item.title, url: item.url)
        return .article(article, problems: problems, bytes: bytes)
    }

    /// Whether trimming `set` would leave nothing, without making the trimmed copy: the first
    /// scalar decides for almost every line, where trimming walked the whole article.
    private static func isBlank(_ text: String, _ set: CharacterSet) -> Bool {
        text.unicodeScalars.allSatisfy { set.contains($0) }
    }

    /// The feed decoded whole, for the encodings that cannot be cut into lines first, and to
    /// report a file that cannot be opened the way it always was.
    private func readWhole() -> [InputItem] {
        let data: Data
        do { data = try Data(contentsOf: URL(fileURLWithPath: path)) } catch {
            return [.problem(InputProblem(file: path, message: "cannot read: \(error.localizedDescription)"))]
        }
        let text: String
        do { text = try TextDecoder.decode(data).text } catch {
            return [.problem(InputProblem(file: path, message: error.description))]
        }
        var items: [InputItem] = []
        // "\r\n" is one Character in Swift: it is a line break as "\n" is.
        for (n, piece) in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }).enumerated() {
            if let item = line(String(piece), number: n + 1, bytes: piece.utf8.count + 1) { items.append(item) }
        }
        if articles == 0 { items.append(.problem(InputProblem(file: path, message: "no articles in this feed"))) }
        return items
    }

    private struct FeedLine: Decodable {
        var id: String?
        var text: String?
        var date: String?
        var url: String?
        var outlet: String?
        var title: String?
    }

    /// What a first pass over the bytes of a feed finds, with `TextDecoder.decode`'s precedence:
    /// a UTF-16 byte-order mark first, then a NUL anywhere, then invalid UTF-8, then emptiness.
    struct Check {
        enum Kind: Equatable {
            case utf8
            case binary(offset: Int)
            case empty
            /// UTF-16, or not UTF-8 (maybe Windows-1256): only `TextDecoder` on the whole file decides.
            case decodeWhole
        }
        var kind: Kind

        init(path: String) throws {
            let reader = try LineReader(path: path)
            var firstNUL: Int?
            var invalid = false
            var blank = true
            var first = true
            while let (bytes, offset) = try reader.next() {
                if first {
                    first = false
                    if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) { kind = .decodeWhole; return }
                }
                if firstNUL == nil, let nul = bytes.firstIndex(of: 0) { firstNUL = offset + (nul - bytes.startIndex) }
                if !invalid, TextDecoder.firstInvalidUTF8(bytes) != nil { invalid = true }
                if blank && !invalid {
                    let body = offset == 0 && bytes.starts(with: FeedReader.bom) ? bytes.dropFirst(3) : bytes
                    blank = String(decoding: body, as: UTF8.self).unicodeScalars.allSatisfy { $0.properties.isWhitespace }
                }
            }
            if let firstNUL { kind = .binary(offset: firstNUL) }
            else if invalid { kind = .decodeWhole }
            else if blank { kind = .empty }
            else { kind = .utf8 }
        }
    }
}
