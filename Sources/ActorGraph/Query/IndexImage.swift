import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The bytes of a graph index (`graph.idx`): one layout both on disk and in memory, so a snapshot
/// read from JSON and an index mapped from disk are queried by the same code.
///
/// Little-endian integers, records of fixed size, strings in one UTF-8 pool (deduplicated):
///
/// ```
/// header (512 bytes)   magic "AGINDEX\0", version, byte-order mark, the JSON's size, mtime and hash,
///                      counts, then (offset, length) of each section
/// metadata             the snapshot's metadata as JSON
/// nodes                72 bytes each, sorted by id (UTF-8 byte order)
/// aliases              string refs, 8 bytes each
/// edges                40 bytes each, in the snapshot's order; endpoints are node numbers
/// evidence             48 bytes each
/// out offsets/entries  per node, the edges it is the source of (compressed sparse rows)
/// in offsets/entries   per node, the edges it is the target of
/// strings              the UTF-8 pool
/// names                56 bytes each: every name of every actor with its `NameKey` forms, so that
///                      a name is resolved by comparing bytes, without normalizing 100,000 names

/// ```
enum IndexLayout {
    static let magic: [UInt8] = Array("AGINDEX\u{0}".utf8)
    static let version: UInt32 = 1
    static let byteOrderMark: UInt32 = 0x0A0B_0C0D
    static let headerSize = 512
    static let nodeSize = 72, aliasSize = 8, edgeSize = 40, evidenceSize = 48, nameSize = 56
    /// A string ref of this length stands for nil.
    static let nilLength = UInt32.max

    enum Section: Int, CaseIterable {
        case metadata, nodes, aliases, edges, evidence, outOffsets, outEntries, inOffsets, inEntries, strings, names
    }
    /// Where the section table starts in the header.
    static let sectionTable = 96

    static func pack(_ date: PartialDate?) -> UInt32 {
        guard let date else { return 0 }
        return UInt32(date.year * 10000 + (date.month ?? 0) * 100 + (date.day ?? 0))
    }

    static func unpack(_ value: UInt32) -> PartialDate? {
        guard value != 0 else { return nil }
        let v = Int(value)
        let m = (v / 100) % 100, d = v % 100
        return PartialDate(year: v / 10000, month: m == 0 ? nil : m, day: d == 0 ? nil : d)
    }
}

/// What identifies the JSON file an index was made from.
struct SourceFingerprint: Equatable, Sendable {
    var size: UInt64
    var modifiedSeconds: Int64
    var modifiedNanoseconds: Int64
    var hash: UInt64

    static let none = SourceFingerprint(size: 0, modifiedSeconds: 0, modifiedNanoseconds: 0, hash: 0)
}

/// A malformed or foreign index file.
struct IndexFormatError: Error, CustomStringConvertible {
    var description: String
    init(_ message: String) { description = message }
}

// MARK: - Writing

/// Lays out a snapshot as index bytes.
struct IndexWriter {
    fileprivate(set) var pool: [UInt8] = []
    private var pooled: [ByteKey: (UInt32, UInt32)] = [:]

    static func encode(_ snapshot: GraphSnapshot, source: SourceFingerprint = .none) throws -> [UInt8] {
        var writer = IndexWriter()
        return try writer.encode(snapshot, source: source)
    }

    fileprivate mutating func ref(_ string: String?, into out: inout [UInt8]) throws {
        guard let string else { out.appendLE(UInt32(0)); out.appendLE(IndexLayout.nilLength); return }
        let key = ByteKey(string)
        if let known = pooled[key] { out.appendLE(known.0); out.appendLE(known.1); return }
        let bytes = key.bytes
        guard pool.count + bytes.count < Int(UInt32.max), bytes.count < Int(UInt32.max) else {
            throw IndexFormatError("the snapshot's text is over 4 GB; too large for index format \(IndexLayout.version)")
        }
        let entry = (UInt32(pool.count), UInt32(bytes.count))
        pool += bytes
        pooled[key] = entry
        out.appendLE(entry.0); out.appendLE(entry.1)
    }

    private mutating func encode(_ snapshot: GraphSnapshot, source: SourceFingerprint) throws -> [UInt8] {
        let nodes = snapshot.nodes.sorted { $0.id.utf8.lexicographicallyPrecedes($1.id.utf8) }
        pooled.reserveCapacity(nodes.count * 4 + snapshot.edges.count * 2)
        var number: [String: UInt32] = [:]
        number.reserveCapacity(nodes.count)
        for (i, node) in nodes.enumerated() {
            guard number.updateValue(UInt32(i), forKey: node.id) == nil else {
                throw IndexFormatError("two actors have the id `\(node.id)`")
            }
        }
        guard nodes.count < Int(UInt32.max), snapshot.edges.count < Int(UInt32.max) else {
            throw IndexFormatError("more than 4 billion actors or edges")
        }

        var nodeBytes: [UInt8] = [], aliasBytes: [UInt8] = []
        nodeBytes.reserveCapacity(nodes.count * IndexLayout.nodeSize)
        var aliasCount = 0
        for node in nodes {
            try ref(node.id, into: &nodeBytes)
            try ref(node.name, into: &nodeBytes)
            try ref(node.nameEn, into: &nodeBytes)
            try ref(node.side, into: &nodeBytes)
            nodeBytes.appendLE(UInt32(aliasCount)); nodeBytes.appendLE(UInt32(node.aliases.count))
            for alias in node.aliases { try ref(alias, into: &aliasBytes) }
            aliasCount += node.aliases.count
            nodeBytes.appendLE(UInt64(bitPattern: Int64(node.mentions)))
            nodeBytes.appendLE(UInt64(bitPattern: Int64(node.documents)))
            nodeBytes.appendLE(IndexLayout.pack(node.firstSeen)); nodeBytes.appendLE(IndexLayout.pack(node.lastSeen))
            nodeBytes.append(UInt8(ActorType.allCases.firstIndex(of: node.type) ?? 0))
            nodeBytes.append(node.discovered ? 1 : 0)
            nodeBytes += [UInt8](repeating: 0, count: 6)
        }

        var edgeBytes: [UInt8] = [], evidenceBytes: [UInt8] = []
        edgeBytes.reserveCapacity(snapshot.edges.count * IndexLayout.edgeSize)
        var outLists = [[UInt32]](repeating: [], count: nodes.count)
        var inLists = [[UInt32]](repeating: [], count: nodes.count)
        var sources = [UInt32](), targets = [UInt32](), types = [UInt8]()
        sources.reserveCapacity(snapshot.edges.count); targets.reserveCapacity(snapshot.edges.count)
        types.reserveCapacity(snapshot.edges.count)
        let typeCode = Dictionary(uniqueKeysWithValues: RelationType.allCases.enumerated().map { ($1, UInt8($0)) })
        var evidenceCount = 0
        for (e, edge) in snapshot.edges.enumerated() {
            guard let s = number[edge.source], let t = number[edge.target] else {
                let missing = number[edge.source] == nil ? edge.source : edge.target
                throw IndexFormatError("edge \(edge.source) \(edge.type.rawValue) \(edge.target) names `\(missing)`, which is not an actor of the snapshot")
            }
            let code = typeCode[edge.type] ?? 0
            sources.append(s); targets.append(t); types.append(code)
            edgeBytes.appendLE(s); edgeBytes.appendLE(t)
            edgeBytes.appendLE(UInt32(code))
            edgeBytes.appendLE(IndexLayout.pack(edge.firstSeen)); edgeBytes.appendLE(IndexLayout.pack(edge.lastSeen))
            edgeBytes.appendLE(UInt32(edge.evidence.count)); edgeBytes.appendLE(UInt32(evidenceCount)); edgeBytes.appendLE(UInt32(0))
            edgeBytes.appendLE(UInt64(bitPattern: Int64(edge.weight)))
            for ev in edge.evidence {
                try ref(ev.document, into: &evidenceBytes)
                try ref(ev.sentence, into: &evidenceBytes)
                try ref(ev.cue, into: &evidenceBytes)
                evidenceBytes.appendLE(IndexLayout.pack(ev.date)); evidenceBytes.appendLE(UInt32(0))
                evidenceBytes.appendLE(UInt64(bitPattern: Int64(ev.start))); evidenceBytes.appendLE(UInt64(bitPattern: Int64(ev.end)))
            }
            evidenceCount += edge.evidence.count
            guard evidenceCount < Int(UInt32.max) else { throw IndexFormatError("more than 4 billion evidence sentences") }
            outLists[Int(s)].append(UInt32(e))
            inLists[Int(t)].append(UInt32(e))
        }

        // Each node's edges in a fixed order: by relation type, then by the other end.
        let edgeCount = snapshot.edges.count
        func rows(_ lists: [[UInt32]], other: [UInt32]) -> (offsets: [UInt8], entries: [UInt8]) {
            var offsets: [UInt8] = [], entries: [UInt8] = []
            offsets.reserveCapacity((lists.count + 1) * 4)
            entries.reserveCapacity(edgeCount * 4)
            var total: UInt32 = 0
            for list in lists {
                offsets.appendLE(total)
                let sorted = list.sorted { a, b in
                    (types[Int(a)], other[Int(a)], a) < (types[Int(b)], other[Int(b)], b)
                }
                for e in sorted { entries.appendLE(e) }
                total += UInt32(list.count)
            }
            offsets.appendLE(total)
            return (offsets, entries)
        }
        let out = rows(outLists, other: targets)
        let into = rows(inLists, other: sources)
        var names: [(actor: Int, text: String, canonical: Bool)] = []
        for (i, node) in nodes.enumerated() {
            for (text, canonical) in NameResolver.names(of: node) { names.append((i, text, canonical)) }
        }
        let nameBytes = try nameEntries(names)

        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        let metadata = Array(try encoder.encode(snapshot.metadata))

        let sections: [[UInt8]] = [metadata, nodeBytes, aliasBytes, edgeBytes, evidenceBytes,
                                   out.offsets, out.entries, into.offsets, into.entries, pool, nameBytes]
        var header: [UInt8] = IndexLayout.magic
        header.appendLE(IndexLayout.version); header.appendLE(IndexLayout.byteOrderMark)
        header.appendLE(UInt32(IndexLayout.headerSize)); header.appendLE(UInt32(0))
        header.appendLE(source.size)
        header.appendLE(UInt64(bitPattern: source.modifiedSeconds)); header.appendLE(UInt64(bitPattern: source.modifiedNanoseconds))
        header.appendLE(source.hash)
        header.appendLE(UInt64(nodes.count)); header.appendLE(UInt64(edgeCount))
        header.appendLE(UInt64(evidenceCount)); header.appendLE(UInt64(aliasCount)); header.appendLE(UInt64(nameBytes.count / IndexLayout.nameSize))
        var offset = IndexLayout.headerSize
        for section in sections {
            header.appendLE(UInt64(offset)); header.appendLE(UInt64(section.count))
            offset += (section.count + 7) & ~7
        }
        header += [UInt8](repeating: 0, count: IndexLayout.headerSize - header.count)

        var bytes = header
        bytes.reserveCapacity(offset)
        for section in sections {
            bytes += section
            bytes += [UInt8](repeating: 0, count: ((section.count + 7) & ~7) - section.count)
        }
        return bytes
    }
}

extension IndexWriter {
    /// Name records: each name with its `NameKey` forms in the pool. A name whose exact form an
    /// actor already has is left out. Names must come grouped by actor.
    mutating func nameEntries(_ names: [(actor: Int, text: String, canonical: Bool)]) throws -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(names.count * IndexLayout.nameSize)
        var currentActor = -1
        var seen = Set<ByteKey>()
        for name in names {
            if name.actor != currentActor { currentActor = name.actor; seen.removeAll(keepingCapacity: true) }
            let key = NameKey(name.text)
            guard !key.exact.isEmpty, seen.insert(ByteKey(key.exact)).inserted else { continue }
            bytes.appendLE(UInt32(name.actor)); bytes.appendLE(UInt32(name.canonical ? 1 : 0))
            // The forms often repeat one another («قدس» is exact, loose and fuzzy); they share
            // bytes within the record but skip the pool's dictionary, which is slow at this count.
            var written: [([UInt8], UInt32)] = []
            for form in [name.text, key.exact, key.exactCompact, key.looseCompact, key.fuzzyCompact, key.fuzzySpaced] {
                let utf8 = Array(form.utf8)
                if let same = written.first(where: { $0.0 == utf8 }) {
                    bytes.appendLE(same.1); bytes.appendLE(UInt32(utf8.count))
                    continue
                }
                guard pool.count + utf8.count < Int(UInt32.max) else {
                    throw IndexFormatError("the snapshot's text is over 4 GB; too large for index format \(IndexLayout.version)")
                }
                written.append((utf8, UInt32(pool.count)))
                bytes.appendLE(UInt32(pool.count)); bytes.appendLE(UInt32(utf8.count))
                pool += utf8
            }
        }
        return bytes
    }

    /// A name table of its own (records, then their pool), for names that are not in an index.
    static func nameTable(_ names: [(actor: Int, text: String, canonical: Bool)]) throws -> NameTable {
        var writer = IndexWriter()
        let entries = try writer.nameEntries(names)
        let pool = (entries.count + 7) & ~7
        let bytes = IndexBytes(copying: entries + [UInt8](repeating: 0, count: pool - entries.count) + writer.pool)
        return NameTable(bytes: bytes, entries: 0, count: entries.count / IndexLayout.nameSize, pool: pool)
    }
}

/// The name records of an index (or of extra names), read in place.
struct NameTable: Sendable {
    enum Form: Int { case text = 8, exact = 16, exactCompact = 24, looseCompact = 32, fuzzyCompact = 40, fuzzySpaced = 48 }

    let bytes: IndexBytes
    let entries: Int
    let count: Int
    let pool: Int

    @inline(__always) func actor(_ i: Int) -> Int { Int(bytes.u32(entries + i * IndexLayout.nameSize)) }
    @inline(__always) func canonical(_ i: Int) -> Bool { bytes.u32(entries + i * IndexLayout.nameSize + 4) & 1 != 0 }

    @inline(__always) func form(_ i: Int, _ form: Form) -> UnsafeRawBufferPointer {
        let r = entries + i * IndexLayout.nameSize + form.rawValue
        return bytes.buffer(pool + Int(bytes.u32(r)), Int(bytes.u32(r + 4)))
    }

    func string(_ i: Int, _ form: Form) -> String { String(decoding: self.form(i, form), as: UTF8.self) }
}

/// A string as its UTF-8 bytes, hashed as bytes: `String` hashes through Unicode normalization,
/// which made pooling a million Arabic sentences the slowest step of writing an index.
struct ByteKey: Hashable {
    let bytes: [UInt8]
    init(_ string: String) { bytes = Array(string.utf8) }
    func hash(into hasher: inout Hasher) { bytes.withUnsafeBytes { hasher.combine(bytes: $0) } }
    static func == (a: ByteKey, b: ByteKey) -> Bool { a.bytes == b.bytes }
}

extension Array where Element == UInt8 {
    mutating func appendLE(_ value: UInt32) { Swift.withUnsafeBytes(of: value.littleEndian) { append(contentsOf: $0) } }
    mutating func appendLE(_ value: UInt64) { Swift.withUnsafeBytes(of: value.littleEndian) { append(contentsOf: $0) } }
}

// MARK: - Reading

/// Immutable index bytes, either copied to the heap or mapped from a file; freed in `deinit`.
final class IndexBytes: @unchecked Sendable {
    // Safe to share: the memory is never written after `init`, and is released only in `deinit`.
    let base: UnsafeRawPointer
    let count: Int
    private let mapped: Bool

    init(copying bytes: [UInt8]) {
        let memory = UnsafeMutableRawPointer.allocate(byteCount: Swift.max(bytes.count, 1), alignment: 8)
        bytes.withUnsafeBytes { source in
            if let from = source.baseAddress { memory.copyMemory(from: from, byteCount: source.count) }
        }
        base = UnsafeRawPointer(memory)
        count = bytes.count
        mapped = false
    }

    /// Maps `path` read-only; pages are read from disk only when a query touches them.
    init(mapping path: String, minimumSize: Int = IndexLayout.headerSize) throws {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { throw IndexFormatError("cannot open: \(String(cString: strerror(errno)))") }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw IndexFormatError("cannot stat: \(String(cString: strerror(errno)))") }
        let size = Int(info.st_size)
        guard size >= minimumSize, size > 0 else { throw IndexFormatError("too short to be an index (\(size) bytes)") }
        guard let memory = mmap(nil, size, PROT_READ, MAP_PRIVATE, fd, 0),
              memory != UnsafeMutableRawPointer(bitPattern: -1) else {
            throw IndexFormatError("cannot map: \(String(cString: strerror(errno)))")
        }
        base = UnsafeRawPointer(memory)
        count = size
        mapped = true
    }

    deinit {
        if mapped {
            munmap(UnsafeMutableRawPointer(mutating: base), count)
        } else {
            UnsafeMutableRawPointer(mutating: base).deallocate()
        }
    }

    @inline(__always) func u8(_ offset: Int) -> UInt8 { base.load(fromByteOffset: offset, as: UInt8.self) }
    @inline(__always) func u32(_ offset: Int) -> UInt32 {
        UInt32(littleEndian: base.loadUnaligned(fromByteOffset: offset, as: UInt32.self))
    }
    @inline(__always) func u64(_ offset: Int) -> UInt64 {
        UInt64(littleEndian: base.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
    }
    @inline(__always) func i64(_ offset: Int) -> Int { Int(truncatingIfNeeded: Int64(bitPattern: u64(offset))) }

    func buffer(_ offset: Int, _ length: Int) -> UnsafeRawBufferPointer {
        UnsafeRawBufferPointer(start: base + offset, count: length)
    }
}

/// The section offsets and counts read from a header, checked against the bytes.
struct IndexHeader: Sendable {
    var source: SourceFingerprint
    var nodeCount: Int, edgeCount: Int, evidenceCount: Int, aliasCount: Int, nameCount: Int
    var offsets: [Int]
    var lengths: [Int]

    func offset(_ s: IndexLayout.Section) -> Int { offsets[s.rawValue] }
    func length(_ s: IndexLayout.Section) -> Int { lengths[s.rawValue] }

    /// Reads and checks the header and every record's references, so that later reads never leave
    /// the bytes: a damaged index is an error here, never a crash in a query.
    init(_ b: IndexBytes) throws {
        guard b.count >= IndexLayout.headerSize, Array(b.buffer(0, 8)) == IndexLayout.magic else {
            throw IndexFormatError("not an ActorGraph index")
        }
        guard b.u32(12) == IndexLayout.byteOrderMark else { throw IndexFormatError("written with another byte order") }
        let version = b.u32(8)
        guard version == IndexLayout.version else {
            throw IndexFormatError("index format \(version); this tool reads format \(IndexLayout.version)")
        }
        source = SourceFingerprint(size: b.u64(24), modifiedSeconds: Int64(bitPattern: b.u64(32)),
                                   modifiedNanoseconds: Int64(bitPattern: b.u64(40)), hash: b.u64(48))
        let counts = [b.u64(56), b.u64(64), b.u64(72), b.u64(80), b.u64(88)]
        guard counts.allSatisfy({ $0 < UInt64(UInt32.max) }) else { throw IndexFormatError("impossible record counts") }
        nodeCount = Int(counts[0]); edgeCount = Int(counts[1]); evidenceCount = Int(counts[2]); aliasCount = Int(counts[3])
        nameCount = Int(counts[4])
        offsets = []; lengths = []
        for s in IndexLayout.Section.allCases {
            let o = b.u64(IndexLayout.sectionTable + 16 * s.rawValue), l = b.u64(IndexLayout.sectionTable + 16 * s.rawValue + 8)
            guard o <= UInt64(b.count), l <= UInt64(b.count) - o else { throw IndexFormatError("truncated (section \(s) ends past the file)") }
            offsets.append(Int(o)); lengths.append(Int(l))
        }
        let expected: [(IndexLayout.Section, Int)] = [
            (.nodes, nodeCount * IndexLayout.nodeSize), (.aliases, aliasCount * IndexLayout.aliasSize),
            (.edges, edgeCount * IndexLayout.edgeSize), (.evidence, evidenceCount * IndexLayout.evidenceSize),
            (.outOffsets, (nodeCount + 1) * 4), (.inOffsets, (nodeCount + 1) * 4),
            (.outEntries, edgeCount * 4), (.inEntries, edgeCount * 4), (.names, nameCount * IndexLayout.nameSize),
        ]
        for (s, length) in expected where lengths[s.rawValue] != length {
            throw IndexFormatError("section \(s) has \(lengths[s.rawValue]) bytes, expected \(length)")
        }
        try check(b)
    }

    private func check(_ b: IndexBytes) throws {
        let pool = length(.strings)
        func stringRef(_ at: Int, nilable: Bool = false) -> Bool {
            let o = Int(b.u32(at)), l = b.u32(at + 4)
            if l == IndexLayout.nilLength { return nilable }
            return o + Int(l) <= pool
        }
        let nodes = offset(.nodes)
        for i in 0..<nodeCount {
            let r = nodes + i * IndexLayout.nodeSize
            guard stringRef(r), stringRef(r + 8), stringRef(r + 16), stringRef(r + 24, nilable: true),
                  Int(b.u32(r + 32)) + Int(b.u32(r + 36)) <= aliasCount,
                  Int(b.u8(r + 64)) < ActorType.allCases.count else {
                throw IndexFormatError("damaged actor record \(i)")
            }
        }
        let aliases = offset(.aliases)
        for i in 0..<aliasCount where !stringRef(aliases + i * IndexLayout.aliasSize) {
            throw IndexFormatError("damaged alias \(i)")
        }
        let edges = offset(.edges)
        for e in 0..<edgeCount {
            let r = edges + e * IndexLayout.edgeSize
            guard Int(b.u32(r)) < nodeCount, Int(b.u32(r + 4)) < nodeCount,
                  Int(b.u32(r + 8)) < RelationType.allCases.count,
                  Int(b.u32(r + 20)) + Int(b.u32(r + 24)) <= evidenceCount else {
                throw IndexFormatError("damaged edge record \(e)")
            }
        }
        let evidence = offset(.evidence)
        for v in 0..<evidenceCount {
            let r = evidence + v * IndexLayout.evidenceSize
            guard stringRef(r), stringRef(r + 8), stringRef(r + 16, nilable: true) else {
                throw IndexFormatError("damaged evidence record \(v)")
            }
        }
        let names = offset(.names)
        for i in 0..<nameCount {
            let r = names + i * IndexLayout.nameSize
            guard Int(b.u32(r)) < nodeCount, stride(from: r + 8, to: r + IndexLayout.nameSize, by: 8).allSatisfy({ stringRef($0) }) else {
                throw IndexFormatError("damaged name record \(i)")
            }
        }
        for (offsetsSection, entriesSection) in [(IndexLayout.Section.outOffsets, IndexLayout.Section.outEntries), (.inOffsets, .inEntries)] {
            let o = offset(offsetsSection), entries = offset(entriesSection)
            var previous: UInt32 = 0
            guard b.u32(o) == 0 else { throw IndexFormatError("damaged adjacency") }
            for i in 0..<nodeCount {
                let value = b.u32(o + 4 * (i + 1))
                guard value >= previous else { throw IndexFormatError("damaged adjacency at actor \(i)") }
                previous = value
            }
            guard Int(previous) == edgeCount else { throw IndexFormatError("damaged adjacency (edge count)") }
            for k in 0..<edgeCount where Int(b.u32(entries + 4 * k)) >= edgeCount {
                throw IndexFormatError("damaged adjacency entry \(k)")
            }
        }
    }
}
