/// A publication date known to year, month or day precision ("2015", "2015-04", "2015-04-22").
///
/// Dates keep their precision: a year-only date is not silently turned into 1 January.
/// Ordering compares the known parts; a coarser date sorts before a finer one with the same prefix.
public struct PartialDate: Hashable, Sendable, Comparable, Codable, CustomStringConvertible {
    public enum Precision: Int, Sendable, Codable, Comparable {
        case year, month, day
        public static func < (a: Precision, b: Precision) -> Bool { a.rawValue < b.rawValue }
    }

    public let year: Int
    public let month: Int?
    public let day: Int?

    public var precision: Precision { day != nil ? .day : (month != nil ? .month : .year) }

    public init?(year: Int, month: Int? = nil, day: Int? = nil) {
        guard (1...9999).contains(year) else { return nil }
        if let month, !(1...12).contains(month) { return nil }
        if let day {
            guard let month, (1...PartialDate.daysIn(month: month, year: year)).contains(day) else { return nil }
        }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD` (also with `/` or `.` separators). Returns nil otherwise.
    public init?(_ text: some StringProtocol) {
        let trimmed = text.trimmingSpaces()
        let parts = trimmed.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "-" || $0 == "/" || $0 == "." })
        guard (1...3).contains(parts.count),
              parts.allSatisfy({ part in !part.isEmpty && part.allSatisfy { $0.isASCII && $0.isNumber } }),
              parts[0].count == 4, parts.dropFirst().allSatisfy({ $0.count <= 2 }),
              let y = Int(parts[0]) else { return nil }
        let m = parts.count > 1 ? Int(parts[1]) : nil
        let d = parts.count > 2 ? Int(parts[2]) : nil
        self.init(year: y, month: m, day: d)
    }

    public var description: String {
        // Written once per output record: zero-padded by hand (`String(format:)` showed in profiles).
        func padded(_ n: Int, _ width: Int) -> String {
            let digits = String(n)
            return n < 0 || digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
        }
        var s = padded(year, 4)
        if let month { s += "-" + padded(month, 2) }
        if let day { s += "-" + padded(day, 2) }
        return s
    }

    /// The earliest and latest day this date may stand for, as sortable `YYYYMMDD` integers.
    public var lowerBound: Int { year * 10000 + (month ?? 1) * 100 + (day ?? 1) }
    public var upperBound: Int {
        let m = month ?? 12
        return year * 10000 + m * 100 + (day ?? PartialDate.daysIn(month: m, year: year))
    }

    public static func < (a: PartialDate, b: PartialDate) -> Bool {
        if a.lowerBound != b.lowerBound { return a.lowerBound < b.lowerBound }
        return a.precision < b.precision
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.singleValueContainer()
        let s = try c.decode(String.self)
        guard let d = PartialDate(s) else {
            throw DecodingError.dataCorruptedError(in: c, debugDescription: "not a date (YYYY, YYYY-MM or YYYY-MM-DD): \(s)")
        }
        self = d
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(description)
    }
}

import Foundation
