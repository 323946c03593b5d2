import Foundation

/// Why bytes could not be read as article text. The message names the problem; callers add the file.
public enum TextDecodingError: Error, Equatable, CustomStringConvertible {
    case empty
    case binary(offset: Int)
    case notText(offset: Int, byte: UInt8)

    public var description: String {
        switch self {
        case .empty: return "empty file (no text to read)"
        case .binary(let offset): return "binary data, not text (NUL byte at offset \(offset))"
        case .notText(let offset, let byte):
            return String(format: "not UTF-8 text (invalid byte 0x%02X at offset %d) and not Windows-1256 Arabic either", byte, offset)
        }
    }
}

/// Turns the bytes of an article into text.
///
/// Accepts UTF-8 with or without a byte-order mark, UTF-16 with a byte-order mark, and
/// Windows-1256 (detected when the bytes are not UTF-8 but decode to mostly Arabic letters).
public enum TextDecoder {
    public enum Encoding: String, Sendable { case utf8, utf16, windows1256 }

    public static func decode(_ data: Data) throws(TextDecodingError) -> (text: String, encoding: Encoding) {
        try decode(bytes: [UInt8](data))
    }

    /// `decode` on bytes already in an array (as `ArticleFile` reads them), without a `Data`.
    static func decode(bytes: [UInt8]) throws(TextDecodingError) -> (text: String, encoding: Encoding) {
        var body = bytes[...]
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
        else if body.starts(with: [0xFF, 0xFE]) || body.starts(with: [0xFE, 0xFF]) {
            if let s = String(data: Data(bytes), encoding: .utf16), !s.isEmpty {
                return (try nonEmpty(String(s.unicodeScalars.drop { $0 == "\u{FEFF}" })), .utf16)
            }
        }
        if let nul = firstNUL(body) { throw .binary(offset: nul) }
        // Valid UTF-8 (nearly every article) is checked once, by the `String` that keeps it;
        // only text that fails is scanned again for the offset to report.
        if let text = String(validating: body, as: UTF8.self) { return (try nonEmpty(text), .utf8) }
        let invalid = firstInvalidUTF8(body) ?? body.startIndex
        guard let text = windows1256(body) else { throw .notText(offset: invalid, byte: bytes[invalid]) }
        return (try nonEmpty(text), .windows1256)
    }

    /// `bytes.firstIndex(of: 0)`, found by `memchr` (the generic search went byte by byte, a
    /// visible share of reading an article).
    static func firstNUL(_ bytes: ArraySlice<UInt8>) -> Int? {
        bytes.withUnsafeBufferPointer { buffer in
            guard let start = buffer.baseAddress, let nul = memchr(start, 0, buffer.count) else { return nil }
            return bytes.startIndex + (UnsafeRawPointer(nul) - UnsafeRawPointer(start))
        }
    }

    private static func nonEmpty(_ text: String) throws(TextDecodingError) -> String {
        if text.unicodeScalars.allSatisfy({ $0.properties.isWhitespace }) { throw .empty }
        return text
    }

    /// The offset of the first byte that breaks UTF-8, or nil when the bytes are valid UTF-8.
    static func firstInvalidUTF8(_ bytes: ArraySlice<UInt8>) -> Int? {
        var i = bytes.startIndex
        let end = bytes.endIndex
        while i < end {
            let b = bytes[i]
            if b < 0x80 { i += 1; continue }
            let need: Int
            var minimum: UInt32
            var value: UInt32
            switch b {
            case 0xC2...0xDF: need = 1; minimum = 0x80; value = UInt32(b & 0x1F)
            case 0xE0...0xEF: need = 2; minimum = 0x800; value = UInt32(b & 0x0F)
            case 0xF0...0xF4: need = 3; minimum = 0x10000; value = UInt32(b & 0x07)
            default: return i
            }
            guard end - i > need else { return i }
            for k in 1...need {
                let c = bytes[i + k]
                guard c & 0xC0 == 0x80 else { return i }
                value = value << 6 | UInt32(c & 0x3F)
            }
            if value < minimum || value > 0x10FFFF || (0xD800...0xDFFF).contains(value) { return i }
            i += need + 1
        }
        return nil
    }

    /// Decodes Windows-1256 when the result looks like Arabic prose: most non-ASCII characters
    /// must be Arabic letters, otherwise the bytes are some other encoding and are refused.
    static func windows1256(_ bytes: ArraySlice<UInt8>) -> String? {
        var scalars = String.UnicodeScalarView()
        var arabic = 0, otherHigh = 0
        for b in bytes {
            if b < 0x80 { scalars.append(Unicode.Scalar(b)); continue }
            let v = Windows1256.upperHalf[Int(b) - 0x80]
            guard v != 0xFFFD, let s = Unicode.Scalar(v) else { return nil }
            if (0x0600...0x06FF).contains(v) { arabic += 1 } else { otherHigh += 1 }
            scalars.append(s)
        }
        guard arabic >= 8, arabic >= otherHigh * 4 else { return nil }
        return String(scalars)
    }
}
