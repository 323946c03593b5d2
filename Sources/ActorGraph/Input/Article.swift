/// One news article as read from disk or a JSON Lines feed.
public struct Article: Sendable, Equatable {
    /// How the article is named in outputs: a path as given on the command line, or a feed id.
    public var id: String
    public var text: String
    public var date: PartialDate?
    public var outlet: String?
    public var title: String?
    public var url: String?

    /// The largest article read, in bytes. Analysing one article holds about 20 bytes of memory
    /// per byte of its text (tokens, readings, offsets) until it is done, so a whole archive
    /// pasted into one file would exhaust memory instead of giving an error.
    public static let maxBytes = 64 << 20

    /// Why an article of `bytes` bytes is not read.
    static func tooLarge(_ bytes: Int, limit: Int) -> String {
        "\(size(bytes)) of text, over the \(size(limit)) an article may have (its analysis would hold about 20 bytes "
            + "of memory per byte); split it into articles, one file each or one JSON line each"
    }

    private static func size(_ bytes: Int) -> String { bytes >= 1 << 20 ? "\(bytes >> 20) MB" : "\(bytes) bytes" }

    public init(id: String, text: String, date: PartialDate? = nil, outlet: String? = nil, title: String? = nil, url: String? = nil) {
        self.id = id; self.text = text; self.date = date; self.outlet = outlet; self.title = title; self.url = url
    }
}
