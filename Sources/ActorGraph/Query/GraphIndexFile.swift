import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Reading a graph for queries: from `graph.idx` when it was made from this very `graph.json`,
/// otherwise from the JSON.
///
/// An index remembers the JSON's size, modification time and a 64-bit hash of its bytes. It is
/// used when size and time still match, or when the size matches and the bytes hash the same
/// (a copy or a checkout changes the time, not the content). Anything else makes it stale: the
/// JSON is read instead and the caller is told, so that it can suggest `actorgraph index`.
extension GraphIndex {
    /// How a graph was read.
    public enum Origin: Equatable, Sendable {
        case json
        case index(path: String)
    }

    public struct Loaded: Sendable {
        public var index: GraphIndex
        public var origin: Origin
        /// An index found beside the JSON but not used, and why: it was made from another version
        /// of the JSON, or cannot be read.
        public var ignoredIndex: (path: String, reason: String)?
    }

    /// `Graphs/graph.json` → `Graphs/graph.idx`.
    public static func indexPath(for graphPath: String) -> String {
        let url = URL(fileURLWithPath: graphPath)
        return url.pathExtension.lowercased() == "json"
            ? (graphPath as NSString).deletingPathExtension + ".idx"
            : graphPath + ".idx"
    }

    /// Reads the graph at `graphPath`. A path ending in `.idx` is opened as an index as it is.
    public static func load(graphPath: String, useIndex: Bool = true) throws -> Loaded {
        if graphPath.lowercased().hasSuffix(".idx") {
            return Loaded(index: try open(indexAt: graphPath), origin: .index(path: graphPath))
        }
        var ignored: (path: String, reason: String)?
        let indexPath = indexPath(for: graphPath)
        if useIndex, FileManager.default.fileExists(atPath: indexPath) {
            do {
                let index = try open(indexAt: indexPath)
                let current = try fingerprint(graphPath, hashing: false)
                let made = index.header.source
                if made.size == current.size {
                    if made.modifiedSeconds == current.modifiedSeconds && made.modifiedNanoseconds == current.modifiedNanoseconds {
                        return Loaded(index: index, origin: .index(path: indexPath))
                    }
                    if try fingerprint(graphPath, hashing: true).hash == made.hash {
                        return Loaded(index: index, origin: .index(path: indexPath))
                    }
                }
                ignored = (indexPath, "was made from another version of \((graphPath as NSString).lastPathComponent)")
            } catch let problem as InputProblem where problem.file == indexPath {
                ignored = (indexPath, "cannot be used (\(problem.message))")
            } catch {
                // The JSON itself cannot be read: reading it below says why.
            }
        }
        let index = try GraphIndex(snapshotAt: graphPath)
        return Loaded(index: index, origin: .json, ignoredIndex: ignored)
    }

    /// Reads a snapshot JSON file and indexes it in memory.
    public init(snapshotAt path: String) throws {
        let snapshot = try GraphSnapshot.load(path: path)
        do {
            try self.init(bytes: IndexBytes(copying: IndexWriter.encode(snapshot)))
        } catch let error as IndexFormatError {
            throw InputProblem(file: path, message: error.description)
        }
    }

    /// Opens an index file (mapped, not read whole) without comparing it with any JSON.
    public static func open(indexAt path: String) throws -> GraphIndex {
        do {
            return try GraphIndex(bytes: IndexBytes(mapping: path))
        } catch let error as IndexFormatError {
            throw InputProblem(file: path, message: error.description)
        }
    }

    /// Writes the index of the snapshot at `graphPath` (atomically) to `indexPath`, by default
    /// beside it; returns where it went.
    @discardableResult
    public static func writeIndex(for graphPath: String, to indexPath: String? = nil) throws -> String {
        let destination = indexPath ?? self.indexPath(for: graphPath)
        let before = try fingerprint(graphPath, hashing: true)
        let snapshot = try GraphSnapshot.load(path: graphPath)
        let bytes: [UInt8]
        do {
            bytes = try IndexWriter.encode(snapshot, source: before)
        } catch let error as IndexFormatError {
            throw InputProblem(file: graphPath, message: error.description)
        }
        // The JSON may have been rewritten while it was read; then the fingerprint would lie.
        guard try fingerprint(graphPath, hashing: false).sameFile(as: before) else {
            throw InputProblem(file: graphPath, message: "the graph changed while it was being indexed; run again")
        }
        try AtomicFile.write(Data(bytes), to: URL(fileURLWithPath: destination))
        return destination
    }

    /// Size and modification time of a file, and the hash of its bytes when asked.
    static func fingerprint(_ path: String, hashing: Bool) throws -> SourceFingerprint {
        var info = stat()
        guard stat(path, &info) == 0 else {
            throw InputProblem(file: path, message: "cannot read the graph: \(String(cString: strerror(errno)))")
        }
        #if canImport(Darwin)
        let time = info.st_mtimespec
        #else
        let time = info.st_mtim
        #endif
        var print = SourceFingerprint(size: UInt64(info.st_size), modifiedSeconds: Int64(time.tv_sec),
                                      modifiedNanoseconds: Int64(time.tv_nsec), hash: 0)
        if hashing { print.hash = try ContentHash.ofFile(path) }
        return print
    }
}

extension SourceFingerprint {
    func sameFile(as other: SourceFingerprint) -> Bool {
        size == other.size && modifiedSeconds == other.modifiedSeconds && modifiedNanoseconds == other.modifiedNanoseconds
    }
}

/// A fast 64-bit hash of a file's bytes, to tell whether an index still matches its JSON.
/// Not cryptographic: it guards against stale files, not against tampering.
enum ContentHash {
    static let prime: UInt64 = 0x9E37_79B1_85EB_CA87

    struct State {
        var lanes: (UInt64, UInt64, UInt64, UInt64) = (0x243F_6A88_85A3_08D3, 0x1319_8A2E_0370_7344,
                                                       0xA409_3822_299F_31D0, 0x082E_FA98_EC4E_6C89)
        var length: UInt64 = 0

        @inline(__always) static func mix(_ h: UInt64, _ w: UInt64) -> UInt64 {
            let x = (h ^ w) &* ContentHash.prime
            return (x << 31) | (x >> 33)
        }

        /// Feeds whole 32-byte blocks, then the tail byte by byte: one call per file.
        mutating func feed(_ bytes: UnsafeRawBufferPointer) {
            guard let base = bytes.baseAddress else { return }
            let blocks = bytes.count / 32
            var (a, b, c, d) = lanes
            for i in 0..<blocks {
                let p = base + i * 32
                a = State.mix(a, UInt64(littleEndian: p.loadUnaligned(as: UInt64.self)))
                b = State.mix(b, UInt64(littleEndian: p.loadUnaligned(fromByteOffset: 8, as: UInt64.self)))
                c = State.mix(c, UInt64(littleEndian: p.loadUnaligned(fromByteOffset: 16, as: UInt64.self)))
                d = State.mix(d, UInt64(littleEndian: p.loadUnaligned(fromByteOffset: 24, as: UInt64.self)))
            }
            for i in (blocks * 32)..<bytes.count { a = State.mix(a, UInt64(bytes[i]) | 0x100) }
            lanes = (a, b, c, d)
            length &+= UInt64(bytes.count)
        }

        func finish() -> UInt64 {
            var h = State.mix(State.mix(State.mix(State.mix(length, lanes.0), lanes.1), lanes.2), lanes.3)
            h ^= h >> 29; h &*= 0xBF58_476D_1CE4_E5B9; h ^= h >> 32
            return h
        }
    }

    /// Hashes a file through a read-only mapping: no copy of its bytes.
    static func ofFile(_ path: String) throws -> UInt64 {
        var state = State()
        if (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) == 0 { return state.finish() }
        let bytes: IndexBytes
        do { bytes = try IndexBytes(mapping: path, minimumSize: 1) } catch {
            throw InputProblem(file: path, message: "cannot read the graph: \(error)")
        }
        state.feed(bytes.buffer(0, bytes.count))
        return state.finish()
    }
}
