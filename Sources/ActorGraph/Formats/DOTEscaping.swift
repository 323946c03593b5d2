/// Turns untrusted text (actor names, aliases, evidence sentences) into DOT double-quoted strings
/// that cannot end the string, add attributes or statements, or change what Graphviz displays.
///
/// What a reader sees is the cleaned text, with these documented replacements:
/// - control characters (C0, DEL, C1, including NUL, tab and newline) and the Unicode line and
///   paragraph separators become a space, and runs of whitespace collapse to one space;
/// - bidi embedding, override and isolate controls, the bidi marks (LRM, RLM, ALM) and the BOM are
///   removed, so untrusted text cannot reorder the text around it;
/// - an `&` that starts something shaped like an entity (`&name;`, `&#38;`) gets an invisible
///   WORD JOINER after it, because Graphviz would otherwise decode `&eacute;` to `é`;
/// - text longer than its cap is cut at a character boundary and ends with `…`.
///
/// Inside the quotes, `"` is written `\"`. A backslash is written `\\` in labels, which Graphviz
/// shows as one backslash, so `\N`, `\G`, `\l` in the input stay literal. Tooltips are unescaped
/// twice by Graphviz 2.42 (`\\N` in a tooltip shows the node's name), so there a backslash is
/// written `\\\\`. Line breaks are only ever the `\n` escapes the writer puts between lines.
public enum DOTEscaping {
    /// The invisible character put after `&` in entity-shaped text.
    public static let entityBreaker: Character = "\u{2060}"

    /// The cleaned form of `text`: what Graphviz will display for it (before line joining).
    public static func clean(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in text.unicodeScalars {
            if isRemoved(scalar) { continue }
            if isSpace(scalar) {
                pendingSpace = !out.isEmpty
                continue
            }
            if pendingSpace { out.append(" "); pendingSpace = false }
            out.append(scalar)
        }
        return breakEntities(String(out))
    }

    /// `text` cut to at most `limit` characters (grapheme clusters, so emoji stay whole).
    public static func truncate(_ text: String, to limit: Int) -> String {
        guard limit > 0 else { return "" }
        guard text.count > limit else { return text }
        return String(text.prefix(limit - 1)).trimmingTrailingSpaces() + "…"
    }

    /// A quoted DOT label showing each line (cleaned and capped) on its own centred line.
    public static func quotedLines(_ lines: [String], maxLineLength: Int) -> String {
        quoted(lines, maxLineLength: maxLineLength, backslash: "\\\\")
    }

    /// A quoted DOT tooltip showing each line (cleaned and capped) on its own line.
    public static func quotedTooltip(_ lines: [String], maxLineLength: Int) -> String {
        quoted(lines, maxLineLength: maxLineLength, backslash: "\\\\\\\\")
    }

    private static func quoted(_ lines: [String], maxLineLength: Int, backslash: String) -> String {
        let body = lines
            .map { escapeInsideQuotes(truncate(clean($0), to: maxLineLength), backslash: backslash) }
            .joined(separator: "\\n")
        return "\"" + body + "\""
    }

    /// A quoted DOT ID. IDs are not escape strings, so only `"` and `\` need care; both are escaped
    /// as in labels so the quoted form can never end early.
    public static func quotedID(_ id: String) -> String {
        "\"" + escapeInsideQuotes(clean(id)) + "\""
    }

    /// Escapes the two characters that are special inside DOT quotes. The input must already be
    /// cleaned (no control characters).
    static func escapeInsideQuotes(_ text: String, backslash: String = "\\\\") -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for ch in text {
            switch ch {
            case "\\": out += backslash
            case "\"": out += "\\\""
            default: out.append(ch)
            }
        }
        return out
    }

    private static func isRemoved(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x200E, 0x200F, 0x061C: true          // LRM, RLM, ALM
        case 0x202A...0x202E, 0x2066...0x2069: true // embeddings, overrides, isolates
        case 0xFEFF: true                           // BOM / zero-width no-break space
        default: false
        }
    }

    private static func isSpace(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x00...0x1F, 0x7F...0x9F: true // every C0/C1 control, NUL included
        case 0x2028, 0x2029: true
        default: s.properties.isWhitespace
        }
    }

    /// Puts `entityBreaker` after each `&` that begins `&[#A-Za-z0-9]+;`.
    private static func breakEntities(_ text: String) -> String {
        guard text.contains("&") else { return text }
        var out = ""
        var rest = Substring(text)
        while let amp = rest.firstIndex(of: "&") {
            out += rest[...amp]
            let after = rest[rest.index(after: amp)...]
            let body = after.prefix { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "#") }
            if !body.isEmpty, after.dropFirst(body.count).first == ";" {
                out.append(entityBreaker)
            }
            rest = after
        }
        return out + rest
    }
}

extension String {
    fileprivate func trimmingTrailingSpaces() -> String {
        var s = Substring(self)
        while s.last == " " { s = s.dropLast() }
        return String(s)
    }
}
