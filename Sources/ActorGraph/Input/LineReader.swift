import Foundation

/// Reads a file one `\n`-separated piece at a time, holding only the current line and one chunk
/// in memory, so a feed of any size can be read without loading it whole.
///
/// Pieces are what `split(separator: 0x0A, omittingEmptySubsequences: false)` gives on the whole
/// file: k line breaks give k + 1 pieces, the last one empty when the file ends with a break.
final class LineReader {
    private let handle: FileHandle
    private var buffer: [UInt8] = []
    /// Where the unread bytes of `buffer` start.
    private var position = 0
    /// The file offset of `buffer[0]`.
    private var bufferOffset = 0
    private var atEnd = false
    private var finished = false
    private let chunkSize: Int

    init(path: String, chunkSize: Int = 1 << 20) throws {
        handle = try FileHandle(forReadingFrom: URL(fileURLWithPath: path))
        self.chunkSize = chunkSize
    }

    deinit { try? handle.close() }

    /// The next piece without its `\n`, and the file offset of its first byte; nil after the last.
    func next() throws -> (bytes: ArraySlice<UInt8>, offset: Int)? {
        guard !finished else { return nil }
        var searchFrom = position
        while true {
            if let newline = buffer[searchFrom...].firstIndex(of: 0x0A) {
                let line = buffer[position..<newline]
                let offset = bufferOffset + position
                position = newline + 1
                return (line, offset)
            }
            if atEnd {
                finished = true
                return (buffer[position...], bufferOffset + position)
            }
            // Only the new bytes can hold the break: a long line is scanned once, not once per chunk.
            let scanned = buffer.count - position
            try fill()
            searchFrom = scanned
        }
    }

    /// Moves the unread bytes to the front of the buffer and appends the next chunk of the file.
    private func fill() throws {
        if position > 0 {
            buffer.removeSubrange(0..<position)
            bufferOffset += position
            position = 0
        }
        let chunk = try handle.read(upToCount: chunkSize) ?? Data()
        if chunk.isEmpty { atEnd = true } else { buffer.append(contentsOf: chunk) }
    }
}
