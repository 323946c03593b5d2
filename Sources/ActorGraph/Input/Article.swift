/// One news article as read from disk or a JSON Lines feed.
public struct Article: Sendable, Equatable {
    /// How the article is named in outputs: a path as given on the command line, or a feed id.
    public var id: String
    public var text: String
    public var date: PartialDate?
    public var outlet: String?
    public var title: String?
    public var url: String?

    public init(id: String, text: String, date: PartialDate? = nil, outlet: String? = nil, title: String? = nil, url: String? = nil) {
        self.id = id; self.text = text; self.date = date; self.outlet = outlet; self.title = title; self.url = url
    }
}
