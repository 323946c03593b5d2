/// A small metadata block at the top of a .txt article:
///
///     ---
///     date: 2023-04
///     outlet: Enab Baladi
///     title: …
///     url: https://…
///     ---
///
/// Offsets must still count from the start of the file, so extraction sees the block blanked
/// out (same number of code points) rather than removed.
public enum FrontMatter {
    public struct Fields: Equatable, Sendable {
        public var date: String?
        public var outlet: String?
        public var title: String?
        public var url: String?
    }

    /// The fields and the length (in code points) of the block, or nil when the text has none.
    public static func parse(_ text: String) -> (fields: Fields, length: Int)? {
        guard text.utf8.starts(with: "---".utf8) else { return nil }  // most articles: no copy of their head
        let scalars = Array(text.unicodeScalars.prefix(4096))
        guard scalars.count >= 4, String(String.UnicodeScalarView(scalars[0..<3])) == "---",
              scalars[3] == "\n" || scalars[3] == "\r" else { return nil }
        let head = String(String.UnicodeScalarView(scalars))
        var lines = head.split(separator: "\n", omittingEmptySubsequences: false).map { $0.hasSuffix("\r") ? $0.dropLast() : $0 }
        lines.removeFirst()
        var fields = Fields()
        var length = 4 + (scalars[3] == "\r" ? 1 : 0)
        for line in lines {
            length += line.unicodeScalars.count + 1
            if line.trimmingCharacters(in: .whitespaces) == "---" { return (fields, min(length, text.unicodeScalars.count)) }
            guard let colon = line.firstIndex(of: ":") else { return nil }
            let key = line[..<colon].trimmingCharacters(in: .whitespaces).lowercased()
            let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            switch key {
            case "date": fields.date = value
            case "outlet", "source": fields.outlet = value
            case "title": fields.title = value
            case "url": fields.url = value
            default: break
            }
        }
        return nil
    }

    /// The text with its front-matter block replaced by spaces (line breaks kept).
    public static func masked(_ text: String) -> String {
        guard let (_, length) = parse(text) else { return text }
        var view = String.UnicodeScalarView()
        for (i, s) in text.unicodeScalars.enumerated() {
            view.append(i < length && s != "\n" ? " " : s)
        }
        return String(view)
    }
}

import Foundation
