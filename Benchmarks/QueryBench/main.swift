// querybench: a synthetic graph snapshot for the query benchmark, and in-process timings.
//
//   querybench generate OUT.json [--actors 100000] [--edges 1000000] [--seed 42]
//   querybench measure GRAPH.json
//
// Not part of the tests; see Benchmarks/QUERY.md for the runs and their numbers.
import ActorGraph
import Foundation

struct Failure: Error, CustomStringConvertible { var description: String }

/// SplitMix64: the same seed gives the same graph on every machine.
struct Random {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    mutating func unit() -> Double { Double(next() >> 11) / Double(1 << 53) }
    mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }
    mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }
}

let heads = ["لواء", "كتيبة", "فوج", "سرية", "مجموعة", "قوات", "حركة", "جبهة", "تجمع", "فرقة", "جيش", "غرفة عمليات"]
let words = ["الفتح", "القدس", "الحمزة", "الشهباء", "الفرقان", "التوحيد", "الأنصار", "المهاجرين", "العاديات", "الرضوان",
             "الباقر", "الزينبيين", "النصر", "الحق", "العزة", "الشام", "حوران", "الجبل", "الساحل", "البادية", "الفجر",
             "الصفوة", "الكرامة", "الأحرار", "المعتصم", "السلطان", "العشائر", "الجزيرة", "الفرات", "الغاب"]
let givenNames = ["أحمد", "محمد", "علي", "عمر", "خالد", "حسن", "حسين", "يوسف", "إبراهيم", "سامر", "ماهر", "جميل", "فادي", "طلال"]
let familyNames = ["الأسعد", "الحسن", "الزعبي", "العلي", "الشرع", "رستم", "البرازي", "الخطيب", "السعيد", "النمر", "الجاسم"]
let sides = ["government", "opposition", "sdf", "iran-axis", "jihadist", "islamist", "new-government"]
let templates = ["أعلن {A} أن عناصر من {B} شاركوا في الهجوم على مواقع قرب المدينة.",
                 "قالت مصادر محلية إن {A} التابع لـ{B} انتشر في الريف الشرقي خلال الأسبوع الماضي.",
                 "اندلعت اشتباكات بين {A} و{B} على أطراف البلدة صباح اليوم.",
                 "أكد قيادي في {A} أن التنسيق مع {B} مستمر رغم الخلافات."]

func generate(out: String, actors n: Int, edges m: Int, seed: UInt64) throws {
    var random = Random(state: seed)
    let clock = ContinuousClock()
    let start = clock.now
    // Actor i is numbered by popularity (0 = the biggest hub); ids are shuffled so hubs are spread out.
    var nodes: [GraphSnapshot.Node] = []
    nodes.reserveCapacity(n)
    for i in 0..<n {
        let type: ActorType = i % 10 < 5 ? .faction : i % 10 < 8 ? .unit : i % 10 < 9 ? .person : .state
        let name = type == .person ? "\(random.pick(givenNames)) \(random.pick(familyNames)) \(i)"
                                   : "\(random.pick(heads)) \(random.pick(words)) \(i)"
        let latin = Transliterator.latin(name)
        let alias = type == .person ? "أبو \(random.pick(words)) \(i)" : "ميليشيا \(name)"
        let year = 2011 + random.below(15), month = 1 + random.below(12)
        nodes.append(GraphSnapshot.Node(id: "b\(String(random.next() % 1_000_000_000, radix: 36))-\(i)", name: name, nameEn: latin,
                                        type: type, side: random.unit() < 0.8 ? random.pick(sides) : nil,
                                        discovered: random.unit() < 0.3, aliases: [name, alias],
                                        mentions: 1 + Int(1000 * pow(random.unit(), 8)), documents: 1 + random.below(50),
                                        firstSeen: PartialDate(year: year, month: month),
                                        lastSeen: PartialDate(year: min(year + random.below(3), 2025), month: month)))
    }
    // Endpoints skewed towards low numbers: a few hubs with tens of thousands of edges, a long tail.
    func endpoint(_ r: inout Random) -> Int { min(Int(Double(n) * pow(r.unit(), 2.5)), n - 1) }
    let typed = RelationType.allCases.filter(\.isTyped)
    var seen = Set<EdgeKey>()
    seen.reserveCapacity(m)
    var edges: [GraphSnapshot.Edge] = []
    edges.reserveCapacity(m)
    while edges.count < m {
        let a = endpoint(&random), b = random.unit() < 0.5 ? endpoint(&random) : random.below(n)
        guard a != b else { continue }
        let type = random.unit() < 0.4 ? RelationType.coMentioned : random.pick(typed)
        let key = EdgeKey(source: nodes[a].id, type: type, target: nodes[b].id)
        guard seen.insert(key).inserted else { continue }
        let roll = random.unit()
        let weight = roll < 0.8 ? 1 : roll < 0.95 ? 2 : 3
        var evidence: [GraphSnapshot.Evidence] = []
        for _ in 0..<weight {
            let year = 2011 + random.below(15)
            let sentence = random.pick(templates).replacingOccurrences(of: "{A}", with: nodes[a].name)
                .replacingOccurrences(of: "{B}", with: nodes[b].name)
            let offset = random.below(4000)
            evidence.append(GraphSnapshot.Evidence(document: "bench/\(String(format: "%06d", random.below(200_000))).txt",
                                                   date: PartialDate(year: year, month: 1 + random.below(12)),
                                                   start: offset, end: offset + sentence.unicodeScalars.count, sentence: sentence,
                                                   cue: type == .coMentioned ? nil : "التابع لـ"))
        }
        evidence.sort { ($0.date ?? PartialDate(year: 1)!, $0.document, $0.start) < ($1.date ?? PartialDate(year: 1)!, $1.document, $1.start) }
        edges.append(GraphSnapshot.Edge(source: key.source, type: key.type, target: key.target, weight: weight,
                                        firstSeen: evidence.first?.date, lastSeen: evidence.last?.date, evidence: evidence))
    }
    nodes.sort { $0.id < $1.id }
    edges.sort { $0.key < $1.key }
    let metadata = GraphSnapshot.Metadata(inputs: ["bench (synthetic, seed \(seed))"], documentCount: 200_000,
                                          period: GraphSnapshot.Period(from: PartialDate("2011-01")!, to: PartialDate("2025-12")!),
                                          undatedDocuments: 0, toolVersion: ActorGraphVersion.current, gazetteerVersion: "bench")
    let snapshot = GraphSnapshot(metadata: metadata, nodes: nodes, edges: edges)
    let built = clock.now
    let data = try snapshot.jsonData()
    try AtomicFile.write(data, to: URL(fileURLWithPath: out))
    print("wrote \(out): \(n) actors, \(m) edges, \(data.count / 1_000_000) MB (generate \(built - start), encode+write \(clock.now - built))")
}

func seconds(_ d: Duration) -> String {
    let s = Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
    return s >= 1 ? String(format: "%.2f s", s) : String(format: "%.1f ms", s * 1000)
}

func peakMemory() -> String {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
          let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM") }) else { return "?" }
    return line.split(separator: " ", omittingEmptySubsequences: true).dropFirst().joined(separator: " ")
}

@discardableResult
func time<T>(_ label: String, _ body: () throws -> T) rethrows -> T {
    let clock = ContinuousClock()
    let start = clock.now
    let value = try body()
    print("  \(label.padding(toLength: 44, withPad: " ", startingAt: 0)) \(seconds(clock.now - start))")
    return value
}

func measure(path: String) throws {
    let all = Set(RelationType.allCases)
    let indexPath = GraphIndex.indexPath(for: path)
    print("graph \(path)")
    print("in-process timings (one run each):")
    if FileManager.default.fileExists(atPath: indexPath) {
        let mapped = try time("open graph.idx (mmap + checks)") { try GraphIndex.open(indexAt: indexPath) }
        try queries(mapped, label: "idx")
    }
    let snapshot = try time("GraphSnapshot.load (JSONDecoder)") { try GraphSnapshot.load(path: path) }
    let index = try time("GraphIndex(snapshot) in memory") { try GraphIndex(snapshot) }
    // The naive baseline: scan every edge for the hub; must agree with the index.
    let hub = try hubID(index)
    let naive = time("naive depth-1 scan of snapshot.edges (hub)") {
        Set(snapshot.edges.compactMap { $0.source == hub ? $0.target : $0.target == hub ? $0.source : nil }).count
    }
    guard let h = index.nodeIndex(id: hub) else { throw Failure(description: "hub vanished") }
    let fast = index.neighbors(of: h, NeighborsQuery(depth: 1, relations: all)).neighbors.count
    guard naive == fast else { throw Failure(description: "neighbors disagree with the naive scan: \(fast) vs \(naive)") }
    print("  hub \(hub): \(fast) neighbors at depth 1, naive scan agrees")
    try queries(index, label: "json")
    print("peak memory: \(peakMemory())")
}

/// The actor with the most edges, found through the public API.
func hubID(_ index: GraphIndex) throws -> String {
    var best = 0, bestCount = -1
    for v in 0..<index.nodeCount {
        let c = index.outgoing(v).count + index.incoming(v).count
        if c > bestCount { best = v; bestCount = c }
    }
    return index.id(of: best)
}

func queries(_ index: GraphIndex, label: String) throws {
    let all = Set(RelationType.allCases)
    let hub = try hubID(index)
    guard let h = index.nodeIndex(id: hub) else { return }
    let median = index.nodeCount / 2
    for (who, node) in [("hub", h), ("median actor", median)] {
        for depth in [1, 2] {
            let r = time("[\(label)] neighbors \(who), depth \(depth)") { index.neighbors(of: node, NeighborsQuery(depth: depth, relations: all)) }
            print("    → \(r.neighbors.count) neighbors")
        }
    }
    let name = index.node(median).name
    let resolver = time("[\(label)] NameResolver(index:)") { NameResolver(index: index) }
    let found = time("[\(label)] resolve «\(name)»") { resolver.resolve(name) }
    print("    → \(found)")
    let typo = String(name.dropLast())
    let missing = time("[\(label)] resolve «\(typo)» (not found, closest)") { resolver.resolve(typo) }
    if case .notFound(let closest) = missing { print("    → closest \(closest.map(\.id))") } else { print("    → \(missing)") }
    time("[\(label)] shortest paths median → hub") { index.shortestPaths(from: median, to: h, maxPaths: 10) }
    time("[\(label)] degree centrality (all actors)") { index.degrees() }
    time("[\(label)] PageRank (all actors)") { index.pageRank() }
}

let args = Array(CommandLine.arguments.dropFirst())
func option(_ name: String, _ fallback: Int) -> Int {
    guard let i = args.firstIndex(of: name), i + 1 < args.count, let v = Int(args[i + 1]) else { return fallback }
    return v
}
do {
    switch args.first {
    case "generate" where args.count >= 2:
        try generate(out: args[1], actors: option("--actors", 100_000), edges: option("--edges", 1_000_000),
                     seed: UInt64(option("--seed", 42)))
    case "measure" where args.count >= 2:
        try measure(path: args[1])
    default:
        print("usage: querybench generate OUT.json [--actors N] [--edges M] [--seed S] | querybench measure GRAPH.json")
        exit(2)
    }
} catch {
    FileHandle.standardError.write(Data("querybench: error: \(error)\n".utf8))
    exit(1)
}
