import Foundation
import Testing
@testable import ActorGraph

@Suite("Gazetteer")
struct GazetteerTests {
    @Test func bundledGazetteerIsBroadAndConsistent() throws {
        let g = try Gazetteer.bundled()
        #expect(g.actors.count >= 300)
        let ids = Set(g.actors.map(\.id))
        for actor in g.actors {
            if let parent = actor.parent { #expect(ids.contains(parent), "\(actor.id) has unknown parent \(parent)") }
        }
        for type in [ActorType.faction, .unit, .person, .state] {
            #expect(g.actors.contains { $0.type == type })
        }
        // One undated name means one actor: the same normalized alias under two ids would merge them.
        var owner: [String: String] = [:]
        for actor in g.actors {
            for name in actor.undatedNames {
                let key = AliasMatcher.words(of: name).map(\.text).joined(separator: " ")
                if let other = owner[key], other != actor.id { Issue.record("«\(name)» names both \(other) and \(actor.id)") }
                owner[key] = actor.id
            }
        }
    }

    /// An alias like «قوة الرضوان التابعة لحزب الله» would swallow the relation it states.
    @Test func noAliasHidesARelation() throws {
        let cues = ["التابعة", "التابع ", "المدعومة", "المدعوم", "بقيادة", "في حكومة", "بحكومة", "المنضوية", "الداعمة"]
        for actor in try Gazetteer.bundled().actors {
            for alias in actor.aliasesAr + actor.datedAliases.map(\.name) where cues.contains(where: { alias.contains($0) }) {
                Issue.record("\(actor.id): alias «\(alias)» states a relation; name the actors separately")
            }
        }
    }

    @Test func readsAFileWithDatedAliases() throws {
        let yaml = """
        version: "t1"
        actors:
          - id: gov-forces
            type: faction
            ar: القوات الحكومية
            en: Government forces
            aliases_ar: [قوات الحكومة]
            dated_aliases:
              - {name: القوات الحكومية, until: 2024-12-07}
        """
        let g = try GazetteerLoader.parse(yaml, file: "g.yaml")
        #expect(g.version == "t1")
        let actor = try #require(g.actor(id: "gov-forces"))
        #expect(actor.undatedNames == ["Government forces", "قوات الحكومة"])
        #expect(actor.datedAliases.first?.isValid(on: PartialDate("2024-12-01")) == true)
        #expect(actor.datedAliases.first?.isValid(on: PartialDate("2025")) == false)
    }

    @Test(arguments: [
        ("actors:\n  - id: a\n    type: faction\n    ar: [unclosed\n", "g.yaml:5", "malformed YAML"),
        ("version: 1\nactors:\n  - id: a\n    type: brigade\n    ar: لواء\n", "g.yaml:4:11", "unknown type `brigade`"),
        ("actors:\n  - id: a\n    type: faction\n", "g.yaml:2:5", "actor `a` has no Arabic name `ar`"),
        ("actors:\n  - id: a\n    type: faction\n    ar: أ\n  - id: a\n    type: unit\n    ar: ب\n", "g.yaml:5:5", "duplicate id `a`"),
        ("actors:\n  - id: a\n    type: faction\n    ar: أ\n    colour: red\n", "g.yaml:5:5", "unknown key `colour`"),
        ("actors:\n  - id: a\n    type: faction\n    ar: أ\n    dated_aliases:\n      - {name: ب, until: soon}\n", "g.yaml:6:", "`until` is not a date"),
        ("just text", "g.yaml", "the top level must be a mapping"),
    ])
    func malformedFilesSayWhereAndWhat(yaml: String, place: String, message: String) {
        do {
            _ = try GazetteerLoader.parse(yaml, file: "g.yaml")
            Issue.record("expected an error")
        } catch let error as GazetteerError {
            #expect(error.description.hasPrefix(place), "\(error.description)")
            #expect(error.description.contains(message), "\(error.description)")
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }

    @Test func userGazetteerExtendsAndReplaces() {
        let base = Gazetteer(version: "base", actors: [GazetteerActor(id: "a", type: .faction, name: "أ", nameEn: "A")])
        let extra = Gazetteer(version: "mine", actors: [
            GazetteerActor(id: "a", type: .unit, name: "أ", nameEn: "A corrected"),
            GazetteerActor(id: "b", type: .person, name: "ب", nameEn: "B"),
        ])
        let merged = base.merged(with: extra)
        #expect(merged.actors.map(\.id) == ["a", "b"])
        #expect(merged.actor(id: "a")?.nameEn == "A corrected")
        #expect(merged.version == "base+mine")
    }
}

/// A Syrian state alias followed by a foreign nationality names another state's forces.
@Suite("Foreign forces")
struct ForeignForcesTests {
    @Test(arguments: [
        ("special forces, American", "أنتم تقاتلون القوات الخاصة الأمريكية والتركية في إدلب.", false),
        ("a ministry, Turkish", "قالت وزارة الدفاع التركية إن قواتها ردت على القصف.", false),
        ("special forces, Syrian", "أنتم تقاتلون القوات الخاصة السورية في إدلب.", true),
        ("a ministry, alone", "قالت وزارة الدفاع السورية إن قواتها ردت على القصف.", true),
    ])
    func foreignAdjectiveDropsTheSyrianAlias(name: String, text: String, syrian: Bool) throws {
        let doc = try Extractor.standard().extract(Article(id: "t.txt", text: text, date: PartialDate("2019")))
        let sides = doc.actors.actors.compactMap(\.side)
        #expect(sides.contains("government") == syrian, "\(name): \(doc.actors.actors.map(\.id))")
    }
}

/// A kunya in the genitive or accusative («أبي», «أبا») finds the name listed in the nominative.
@Suite("Kunya cases")
struct KunyaCaseTests {
    /// Kurdish outlets write «كوردي», «كوردستاني»: the same actors.
    @Test(arguments: [
        ("قتلت القوات 29 عنصرا من حزب العمال الكوردستاني في الشمال.", "pkk"),
        ("انسحبت وحدات حماية الشعب الكوردية من القرية.", "ypg"),
        ("قالت وحدات حماية المرأة الكوردية إن الهجوم فشل.", "ypj"),
    ])
    func kurdishSpellingFindsTheActor(text: String, expected: String) throws {
        let doc = try Extractor.standard().extract(Article(id: "t.txt", text: text, date: nil))
        #expect(doc.actors.actors.map(\.id).contains(expected), "\(doc.actors.actors.map(\.id))")
    }

    @Test(arguments: ["أبو", "أبي", "أبا"])
    func kunyaInAnyCaseFindsTheListedName(_ kunya: String) throws {
        let doc = try Extractor.standard().extract(Article(id: "t.txt", text: "قال المتحدث إن \(kunya) فراس السوري قتل في غارة.", date: nil))
        #expect(doc.actors.actors.map(\.id).contains("abu-firas-al-suri"), "\(doc.actors.actors.map(\.id))")
    }

    @Test func readingsAddTheNominativeOnce() {
        let readings = CliticVariants.readings(of: Word(ArabicNormalizer.normalize("وأبي"))).map(\.word.text)
        #expect(readings.filter { $0 == CliticVariants.kunya.text }.count == 1, "\(readings)")
    }
}

/// A family name read alone stands for the person, except where it is the first noun of a genitive
/// or also a given name (then only after a rank).
@Suite("Short forms")
struct ShortFormTests {
    /// A family name alone is the person's unless it opens a genitive («كلية الحرب»); one that is
    /// also a given name («رستم») is the person's after a rank only.
    @Test(arguments: [
        ("a genitive: «كلية الحرب»", "انشق العميد حسين محمد كلية عن قوات النظام. وأعلن العميد زياد فهد عضو الهيئة التدريسية في كلية الحرب العليا انشقاقه.", "حسين محمد كلية", 1),
        ("the name alone, then a verb", "انشق العميد حسين محمد كلية عن قوات النظام. وقال كلية إن الجيش انحرف.", "حسين محمد كلية", 2),
        ("the name, then a relative pronoun", "انشق العميد حسين محمد كلية عن قوات النظام. وكان كلية الذي درّس في الكلية أول المنشقين.", "حسين محمد كلية", 2),
        ("a given name as family name, after a rank", "قال العميد ناصر رستم إن الهجوم فشل. وأضاف العميد رستم أن القوات تقدمت.", "ناصر رستم", 2),
        ("a given name as family name, alone", "قال العميد ناصر رستم إن الهجوم فشل. وأضاف رستم أن القوات تقدمت.", "ناصر رستم", 1),
    ])
    func familyNameMentions(name: String, text: String, person fullName: String, mentions: Int) {
        let doc = Fixtures.extract(text)
        let person = doc.actors.actors.firstIndex { $0.name == fullName }
        #expect(person != nil, "\(name)")
        #expect(doc.actors.mentions.filter { $0.actor == person }.count == mentions, "\(name)")
    }
}

/// «قوى الأمن الداخلي»: the Asayish before the fall, the new Interior Ministry's force after it.
@Suite("Internal security forces by date")
struct InternalSecurityTests {
    @Test(arguments: [
        ("2019-05-01", "asayish"),
        ("2025-07-20", "internal-security-command"),
    ])
    func shortNameResolvesByDate(date: String, expected: String) throws {
        let doc = try Extractor.standard().extract(Article(id: "t.txt", text: "أعلنت قوى الأمن الداخلي اعتقال خلية في الحسكة.", date: PartialDate(date)))
        #expect(doc.actors.actors.map(\.id) == [expected])
    }
}
