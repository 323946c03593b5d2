import ActorGraph
import Foundation
import Testing

/// `actorgraph diff` over real builds: OLD from two seeds (2015-04 and 2023), NEW from all five.
@Suite("CLI: diff")
struct DiffCLITests {
    struct Graphs: Sendable {
        var folder: URL
        var old: String
        var new: String
    }

    /// Built once for the whole suite (two builds of the seeds).
    static let graphs: Result<Graphs, any Error> = Result {
        let folder = try CLI.temporaryFolder()
        let old = folder.appendingPathComponent("old").path, new = folder.appendingPathComponent("new").path
        for (inputs, out) in [(["seeds/003_9d9063c38ab4daf6.txt", "seeds/002_2190b06150921dc5.txt"], old), (["seeds"], new)] {
            let r = try CLI.run(["build"] + inputs + ["--out", out])
            guard r.status == 0 else { throw CLIFailure(message: "build failed: \(r.stderr)") }
        }
        return Graphs(folder: folder, old: old + "/graph.json", new: new + "/graph.json")
    }

    struct CLIFailure: Error { var message: String }

    @Test func textReportHasEverySectionWithNamesInBothLanguages() throws {
        let g = try DiffCLITests.graphs.get()
        let r = try CLI.run(["diff", g.old, g.new])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.isEmpty)
        for section in ["Actors added (", "Actors removed (", "Actors changed (", "Edges added (", "Edges removed (", "Edges changed ("] {
            #expect(r.stdout.contains("\n\(section)"), "missing \(section)")
        }
        #expect(r.stdout.contains("OLD: \(g.old) — 2015-04 … 2023, 2 documents"))
        #expect(r.stdout.contains("NEW: \(g.new) — 2015-04 … 2025-01, 5 documents"))
        // An actor only the 2024 article names, with its Arabic and English names.
        #expect(r.stdout.contains("+ hezbollah  حزب الله (Hezbollah)  faction"))
        // A typed edge only NEW has, with its relation type and weight.
        #expect(r.stdout.contains("+ united-states —supports→ sdf  weight 1, seen 2024-12-07"))
        // The regime and IS share one sentence in OLD, four in NEW.
        #expect(r.stdout.contains("~ assad-regime-forces —co_mentioned— islamic-state  weight 1 → 4"))
        #expect(r.stdout.contains("Actors removed (0)\n  none"))
    }

    @Test func jsonIsTheSortedDiff() throws {
        let g = try DiffCLITests.graphs.get()
        let r = try CLI.run(["diff", g.old, g.new, "--format", "json"])
        #expect(r.status == 0, "\(r.stderr)")
        let diff = try GraphDiff.decode(Data(r.stdout.utf8))
        #expect(diff.format == "actorgraph-diff")
        #expect(diff.old.label == g.old)
        #expect(diff.old.period == GraphSnapshot.Period(from: PartialDate(year: 2015, month: 4)!, to: PartialDate(year: 2023)!))
        #expect(diff.new.documents == 5)
        #expect(diff.actors.added.contains { $0.id == "hezbollah" && $0.name == "حزب الله" })
        #expect(diff.actors.removed.isEmpty)
        #expect(diff.edges.changed.contains { $0.kind == .weight && $0.type == .coMentioned && $0.oldWeight == 1 && $0.newWeight == 4 })
        // Sorted keys, Arabic readable: the output is exactly what the library writes.
        #expect(r.stdout == String(decoding: try diff.jsonData(), as: UTF8.self) + "\n")
        #expect(r.stdout.contains("\"name\" : \"حزب الله\""))
    }

    @Test func aRelationThatTurnsIsReportedAsARelationChange() throws {
        let g = try DiffCLITests.graphs.get()
        // NEW's regime–Russia alliance becomes a fight in a doctored copy.
        var turned = try GraphSnapshot.load(path: g.new)
        let index = try #require(turned.edges.firstIndex { $0.type == .alliedWith && $0.target == "russia" })
        turned.edges[index].type = .fights
        let path = g.folder.appendingPathComponent("turned-\(UUID().uuidString).json")
        try AtomicFile.write(try turned.jsonData(), to: path)

        let r = try CLI.run(["diff", g.new, path.path, "--no-co-mentions"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("summary: actors +0 −0 ~0; edges +0 −0 ~1"))
        #expect(r.stdout.contains("~ assad-regime-forces – russia: relation allied_with → fights"))
        #expect(r.stdout.contains("was assad-regime-forces —allied_with— russia"))
        #expect(r.stdout.contains("now assad-regime-forces —fights— russia"))
    }

    @Test func thresholdsComeFromTheFlags() throws {
        let g = try DiffCLITests.graphs.get()
        let r = try CLI.run(["diff", g.old, g.new, "--min-weight-change", "3", "--no-co-mentions"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("weight |Δ| ≥ 3 and ≥ 50%"))
        #expect(r.stdout.contains("Edges changed (0)"))
        #expect(r.stdout.contains("co_mentioned edges left out"))
        #expect(!r.stdout.contains("—co_mentioned—"))
    }

    @Test func aSnapshotComparedWithItselfHasNoChanges() throws {
        let g = try DiffCLITests.graphs.get()
        let r = try CLI.run(["diff", g.new, g.new])
        #expect(r.status == 0)
        #expect(r.stdout.contains("summary: actors +0 −0 ~0; edges +0 −0 ~0"))
    }

    @Test(arguments: [
        ("لواء القدس", "liwa-al-quds"),      // Arabic name
        ("داعش", "islamic-state"),           // an alias seen in the seeds
        ("LIWA AL-QUDS", "liwa-al-quds"),    // English, any case
        ("islamic-state", "islamic-state"),  // id
    ])
    func focusAcceptsAnIdANameOrAnAlias(query: String, id: String) throws {
        let g = try DiffCLITests.graphs.get()
        let r = try CLI.run(["diff", g.old, g.new, "--focus", query, "--format", "json"])
        #expect(r.status == 0, "\(r.stderr)")
        let diff = try GraphDiff.decode(Data(r.stdout.utf8))
        #expect(diff.focus?.id == id)
        let scope = Set(diff.focus?.actors ?? [])
        #expect(diff.actors.added.allSatisfy { scope.contains($0.id) })
        #expect(diff.edges.added.allSatisfy { scope.contains($0.source) && scope.contains($0.target) })
    }

    @Test func anUnknownFocusListsTheClosestActors() throws {
        let g = try DiffCLITests.graphs.get()
        let r = try CLI.run(["diff", g.old, g.new, "--focus", "Hizbollah"])
        #expect(r.status == 1)
        #expect(r.stdout.isEmpty)
        #expect(r.stderr.hasPrefix("actorgraph: error: --focus `Hizbollah`: no actor with this id, name or alias"))
        #expect(r.stderr.contains("closest: hezbollah (حزب الله, Hezbollah);"))
        #expect(r.stderr.filter { $0 == "\n" }.count == 1)
        #expect(r.stderr.components(separatedBy: "; closest: ")[1].components(separatedBy: "; ").count == 5)
    }

    @Test func aCorruptSnapshotIsOneErrorLineNamingTheFile() throws {
        let g = try DiffCLITests.graphs.get()
        let bad = g.folder.appendingPathComponent("corrupt.json")
        try Data("{\"format\": \"actorgraph-snapshot\", \"nodes\": [".utf8).write(to: bad)
        let r = try CLI.run(["diff", bad.path, g.new])
        #expect(r.status == 1)
        #expect(r.stdout.isEmpty)
        #expect(r.stderr == "actorgraph: error: \(bad.path): not a valid ActorGraph snapshot (truncated or malformed JSON)\n")

        let missing = g.folder.appendingPathComponent("missing.json").path
        let m = try CLI.run(["diff", g.old, missing])
        #expect(m.status == 1)
        #expect(m.stderr.hasPrefix("actorgraph: error: \(missing): cannot read the graph"))
    }

    @Test func dotAndPictureOutputs() throws {
        let g = try DiffCLITests.graphs.get()
        let dot = g.folder.appendingPathComponent("diff-\(UUID().uuidString).dot")
        let r = try CLI.run(["diff", g.old, g.new, "--focus", "islamic-state", "-o", dot.path])
        #expect(r.status == 0, "\(r.stderr)")
        let text = try String(contentsOf: dot, encoding: .utf8)
        #expect(text.hasPrefix("digraph \"actorgraph-diff\" {"))
        #expect(text.contains("fontname=\"DejaVu Sans\""))
        #expect(text.contains("\"islamic-state\" [label=\"تنظيم الدولة الإسلامية\\nIslamic State (ISIS)"))
        #expect(text.contains("focus: islamic-state and its neighbours within 1 edge"))
        // The focus, and only the focus, has a double outline.
        let doubled = text.split(separator: "\n").filter { $0.contains("peripheries=2") }
        #expect(doubled.count == 1 && doubled.first?.hasPrefix("  \"islamic-state\" [") == true, "\(doubled)")
        #expect(r.stdout.contains("Actors added"))  // the report is still printed

        let png = g.folder.appendingPathComponent("diff.png")
        let p = try CLI.run(["diff", g.old, g.new, "-o", png.path])
        #expect(p.status == 0, "\(p.stderr)")
        let image = try Data(contentsOf: png)
        #expect(image.prefix(8) == Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))

        let jpg = try CLI.run(["diff", g.old, g.new, "-o", g.folder.appendingPathComponent("diff.jpg").path])
        #expect(jpg.status == 64)  // a usage error
        #expect(jpg.stderr.contains("must end in .dot, .png, .svg or .pdf"))
    }
}
