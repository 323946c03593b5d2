// Cutting a graph snapshot into periods of time.
//
// ## Dates and windows
//
// Every piece of evidence carries its article's date, a `PartialDate` known to the year, month or
// day. A date belongs to a window only when it lies *wholly* inside it: `2015-04` is inside
// `2015-01 … 2015-06`, but a year-only `2015` is not, because the article may come from any
// month of 2015. Nothing is guessed: a year-only date is never turned into January.
//
// ## Period labels
//
// `periodLabel(of:by:)` names the period of a date: `2015` (year), `2015-Q2` (quarter) or
// `2015-04` (month). A date coarser than the granularity keeps a label at its own precision:
// bucketing by month or quarter, a year-only date goes to the bucket `2015`, which holds only
// what is dated to the year alone (it does not include `2015-01` … `2015-12`). That is what an
// analyst reading a monthly series expects: imprecise evidence stays visible, named by what is
// known of it, and never inflates a month it may not belong to. Month dates bucket by quarter
// exactly (the month decides the quarter). Labels sort chronologically as plain strings, each
// coarse bucket just before the finer buckets of its year.
//
// ## Undated evidence
//
// Evidence from undated articles belongs to no window and no period: it is kept only in the
// cumulative graph (the snapshot itself, or `slice` with neither bound).

/// How finely `split` cuts a snapshot into periods.
public enum PeriodGranularity: String, Sendable, CaseIterable, Codable {
    case year, quarter, month
}

/// The label of the period a date falls in: "2015", "2015-Q2" or "2015-04".
///
/// A date coarser than the granularity is labelled at its own precision (a year-only date is
/// "2015" by quarter or by month) rather than assigned to a period it may not belong to.
public func periodLabel(of date: PartialDate, by granularity: PeriodGranularity) -> String {
    let year = String(date.description.prefix(4))
    guard let month = date.month else { return year }
    switch granularity {
    case .year: return year
    case .quarter: return "\(year)-Q\((month - 1) / 3 + 1)"
    case .month: return "\(year)-\(month < 10 ? "0" : "")\(month)"
    }
}

extension PartialDate {
    /// Whether this date lies wholly inside the window `from … to` (both inclusive, either open).
    ///
    /// `to: 2015` reaches to 31 December 2015; a year-only `2015` is inside `2015 … 2015` but not
    /// inside `2015-01 … 2015-06`. The same test decides what `slice` keeps, so it can also filter
    /// articles before a build (`build --since/--until`).
    public func isWithin(from: PartialDate?, to: PartialDate?) -> Bool {
        DateWindow.range(lower: from?.lowerBound, upper: to?.upperBound).contains(self)
    }
}

/// The part of a snapshot whose evidence is dated inside `from … to` (inclusive; nil leaves that
/// side open). See `PartialDate.isWithin(from:to:)` for how partial dates meet the window.
///
/// With neither bound the snapshot is returned as it is, undated evidence included (the
/// cumulative graph). With a bound, undated evidence is dropped, and:
/// - edges keep the evidence inside the window; weight (distinct sentences) and first/last seen
///   are recomputed; edges left without evidence are dropped;
/// - a node is kept when it was seen inside the window (an edge there, or its first or last seen
///   date inside). Its mention and document counts are unchanged when all its documents are known
///   to be inside the window. When only some are, the snapshot alone cannot say how many times it
///   was named in each document: `documents` counts the documents known to be inside (from the
///   evidence) and `mentions` assumes one name per such document — both are lower bounds. Period
///   snapshots built from the articles themselves (`periodSnapshots(_:by:gazetteerVersion:)`) are exact;
/// - metadata: inputs are the documents known (from the evidence) to be inside, unless the whole
///   snapshot is; the period is recomputed from what was kept; undated documents are 0.
public func slice(_ snapshot: GraphSnapshot, from: PartialDate?, to: PartialDate?) -> GraphSnapshot {
    if from == nil && to == nil { return snapshot }
    return SliceIndex(snapshot).restrict(to: .range(lower: from?.lowerBound, upper: to?.upperBound))
}

/// One snapshot per period that has any dated evidence or node, oldest first; periods with nothing
/// in them are left out. Each is what `slice` keeps for that period, with the same rules for node
/// counts; coarse dates go to their own bucket (see `periodLabel(of:by:)`); undated evidence is in
/// none of them.
public func split(_ snapshot: GraphSnapshot, by granularity: PeriodGranularity) -> [(label: String, snapshot: GraphSnapshot)] {
    let index = SliceIndex(snapshot)
    var labels = Set<String>()
    for edge in snapshot.edges {
        for e in edge.evidence { if let d = e.date { labels.insert(periodLabel(of: d, by: granularity)) } }
    }
    for node in snapshot.nodes {
        for d in [node.firstSeen, node.lastSeen].compactMap({ $0 }) { labels.insert(periodLabel(of: d, by: granularity)) }
    }
    return labels.sorted().map { label in
        (label: label, snapshot: index.restrict(to: .bucket(label, granularity)))
    }
}

/// The snapshots `build --by <granularity>` writes as `Graphs/<label>.json` beside graph.json,
/// cut from a built snapshot. The same as `split`.
public func periodSnapshots(_ snapshot: GraphSnapshot, by granularity: PeriodGranularity) -> [(label: String, snapshot: GraphSnapshot)] {
    split(snapshot, by: granularity)
}

/// Exact period snapshots, built from the per-document extractions: each period's graph is built
/// from the articles dated in it, so mention and document counts are exact (a snapshot does not
/// keep per-document mention counts, so `split` can only bound them). Undated articles are in no
/// period. The same as adding the documents one by one to `PeriodBuilders`.
public func periodSnapshots(_ documents: [DocumentExtraction], by granularity: PeriodGranularity,
                            gazetteerVersion: String) -> [(label: String, snapshot: GraphSnapshot)] {
    var periods = PeriodBuilders(by: granularity)
    for doc in documents { periods.add(doc) }
    return periods.snapshots(gazetteerVersion: gazetteerVersion)
}

/// One graph builder per period, fed as documents arrive: `build --by` makes its exact period
/// snapshots without keeping the documents (see `periodSnapshots(_:by:gazetteerVersion:)`).
public struct PeriodBuilders: Sendable {
    public let granularity: PeriodGranularity
    private var builders: [String: GraphBuilder] = [:]

    public init(by granularity: PeriodGranularity) { self.granularity = granularity }

    /// Adds a document to the graph of its period; an undated one belongs to none.
    public mutating func add(_ doc: DocumentExtraction) {
        guard let date = doc.article.date else { return }
        builders[periodLabel(of: date, by: granularity), default: GraphBuilder()].add(doc)
    }

    /// One snapshot per period with a document, oldest first.
    public func snapshots(gazetteerVersion: String) -> [(label: String, snapshot: GraphSnapshot)] {
        var rest = self
        return Array(sequence(state: ()) { _ in rest.removeOldest(gazetteerVersion: gazetteerVersion) })
    }

    /// The snapshot of the oldest period left, whose builder is dropped: writing the periods one
    /// by one this way holds one period snapshot at a time, not all of them.
    public mutating func removeOldest(gazetteerVersion: String) -> (label: String, snapshot: GraphSnapshot)? {
        guard let label = builders.keys.min(), let builder = builders.removeValue(forKey: label) else { return nil }
        return (label: label, snapshot: builder.snapshot(gazetteerVersion: gazetteerVersion))
    }
}

/// A set of dates: a window of days, or one period bucket.
enum DateWindow {
    /// Days as `YYYYMMDD` integers, inclusive; nil is open.
    case range(lower: Int?, upper: Int?)
    case bucket(String, PeriodGranularity)

    func contains(_ date: PartialDate) -> Bool {
        switch self {
        case let .range(lower, upper):
            return date.lowerBound >= (lower ?? Int.min) && date.upperBound <= (upper ?? Int.max)
        case let .bucket(label, granularity):
            return periodLabel(of: date, by: granularity) == label
        }
    }

    /// Whether every date `d` with `lo <= d <= hi` (in `PartialDate` order) is inside.
    ///
    /// Knowing only a node's first and last seen dates, this tells whether all its documents are.
    /// A range can hold both ends and still miss a date between them: `2016` lies between
    /// `2015-06` and `2016-02` but is not inside `2015-06 … 2016-02`. The dates between with the
    /// latest end are `hi` itself and the coarser dates that contain it (its month and year).
    func covers(_ lo: PartialDate, _ hi: PartialDate) -> Bool {
        switch self {
        case let .range(lower, upper):
            guard lo.lowerBound >= (lower ?? Int.min) else { return false }
            let candidates = [hi, PartialDate(year: hi.year, month: hi.month), PartialDate(year: hi.year)]
            let latestEnd = candidates.compactMap { $0 }.filter { lo <= $0 }.map(\.upperBound).max() ?? hi.upperBound
            return latestEnd <= (upper ?? Int.max)
        case .bucket:
            // A period bucket is an interval of the order: whatever lies between two dates of a
            // bucket is in it (coarse dates sort before every finer date of their year or month).
            return contains(lo) && contains(hi)
        }
    }
}

/// What `restrict` needs to know about a snapshot, computed once for all the periods of a split.
struct SliceIndex {
    let snapshot: GraphSnapshot
    /// The date of every document that appears in some evidence (nil when undated).
    let documentDates: [String: PartialDate?]
    /// For each node, the documents of the evidence that touches it.
    let nodeDocuments: [String: Set<String>]

    init(_ snapshot: GraphSnapshot) {
        self.snapshot = snapshot
        var dates: [String: PartialDate?] = [:]
        var nodeDocs: [String: Set<String>] = [:]
        for edge in snapshot.edges {
            for e in edge.evidence {
                dates[e.document] = e.date
                nodeDocs[edge.source, default: []].insert(e.document)
                nodeDocs[edge.target, default: []].insert(e.document)
            }
        }
        documentDates = dates
        nodeDocuments = nodeDocs
    }

    private func inside(_ document: String, _ window: DateWindow) -> Bool {
        guard let known = documentDates[document], let date = known else { return false }
        return window.contains(date)
    }

    func restrict(to window: DateWindow) -> GraphSnapshot {
        let everyDocumentDated = snapshot.metadata.undatedDocuments == 0

        var edges: [GraphSnapshot.Edge] = []
        for edge in snapshot.edges {
            let kept = edge.evidence.filter { e in e.date.map(window.contains) ?? false }
            guard !kept.isEmpty else { continue }
            let sentences = Set(kept.map { SentenceKey(document: $0.document, start: $0.start) })
            let dates = kept.compactMap(\.date)
            edges.append(.init(source: edge.source, type: edge.type, target: edge.target, weight: sentences.count,
                               firstSeen: dates.min(), lastSeen: dates.max(), evidence: kept))
        }

        var nodes: [GraphSnapshot.Node] = []
        for node in snapshot.nodes {
            // Every document of the node is inside: the counts stand as they are.
            if everyDocumentDated, let first = node.firstSeen, let last = node.lastSeen, window.covers(first, last) {
                nodes.append(node)
                continue
            }
            let known = nodeDocuments[node.id] ?? []
            let knownInside = known.filter { inside($0, window) }
            if known.count == node.documents && knownInside.count == known.count && !known.isEmpty {
                nodes.append(node)
                continue
            }
            let seenInside = [node.firstSeen, node.lastSeen].compactMap { $0 }.filter(window.contains)
            guard !knownInside.isEmpty || !seenInside.isEmpty else { continue }
            var n = node
            n.documents = max(knownInside.count, 1)
            n.mentions = min(node.mentions, n.documents)
            let dates = knownInside.compactMap { documentDates[$0] ?? nil } + seenInside
            n.firstSeen = dates.min()
            n.lastSeen = dates.max()
            nodes.append(n)
        }

        var metadata = snapshot.metadata
        if everyDocumentDated, let p = metadata.period, window.covers(p.from, p.to) {
            return GraphSnapshot(metadata: metadata, nodes: nodes, edges: edges)
        }
        let inputs = Set(metadata.inputs).union(documentDates.keys).filter { inside($0, window) }
        metadata.inputs = inputs.sorted()
        metadata.documentCount = inputs.count
        metadata.undatedDocuments = 0
        let dates = edges.flatMap { [$0.firstSeen, $0.lastSeen] } + nodes.flatMap { [$0.firstSeen, $0.lastSeen] }
        let dated = dates.compactMap { $0 }
        metadata.period = dated.min().flatMap { from in dated.max().map { GraphSnapshot.Period(from: from, to: $0) } }
        return GraphSnapshot(metadata: metadata, nodes: nodes, edges: edges)
    }

    private struct SentenceKey: Hashable {
        var document: String
        var start: Int
    }
}
