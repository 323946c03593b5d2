import Testing
@testable import ActorGraph

/// A small gazetteer for tests that must not move when the shipped one grows.
enum Fixtures {
    static let gazetteer = Gazetteer(version: "test", actors: [
        GazetteerActor(id: "liwa-al-quds", type: .faction, name: "لواء القدس", nameEn: "Liwa al-Quds", aliasesAr: ["لواء القدس الفلسطيني"]),
        GazetteerActor(id: "ndf", type: .faction, name: "الدفاع الوطني", nameEn: "National Defence Forces", aliasesAr: ["قوات الدفاع الوطني"]),
        GazetteerActor(id: "mi-directorate", type: .unit, name: "شعبة المخابرات العسكرية", nameEn: "Military Intelligence Directorate", aliasesAr: ["المخابرات العسكرية", "الأمن العسكري"]),
        GazetteerActor(id: "mi-branch-227", type: .unit, name: "الفرع 227", nameEn: "Branch 227", parent: "mi-directorate"),
        GazetteerActor(id: "islamic-state", type: .faction, name: "تنظيم الدولة", nameEn: "Islamic State", aliasesAr: ["داعش", "تنظيم داعش", "الدولة الإسلامية"], side: "jihadist"),
        GazetteerActor(id: "hezbollah", type: .faction, name: "حزب الله", nameEn: "Hezbollah", aliasesAr: ["حزب الله اللبناني"]),
        GazetteerActor(id: "radwan-force", type: .unit, name: "قوة الرضوان", nameEn: "Radwan Force", parent: "hezbollah"),
        GazetteerActor(id: "assad-regime-forces", type: .faction, name: "قوات النظام", nameEn: "Assad regime forces",
                       aliasesAr: ["قوات الأسد", "جيش النظام", "النظام"],
                       datedAliases: [DatedAlias(name: "القوات الحكومية", until: PartialDate("2024-12-07"))]),
        GazetteerActor(id: "new-government-forces", type: .faction, name: "قوات الحكومة السورية", nameEn: "Syrian government forces",
                       datedAliases: [DatedAlias(name: "القوات الحكومية", from: PartialDate("2024-12-08"))]),
        GazetteerActor(id: "sdf", type: .faction, name: "قوات سوريا الديمقراطية", nameEn: "SDF", aliasesAr: ["قسد"]),
        GazetteerActor(id: "united-states", type: .state, name: "الولايات المتحدة", nameEn: "United States", aliasesAr: ["أمريكا"]),
        GazetteerActor(id: "russia", type: .state, name: "روسيا", nameEn: "Russia", aliasesAr: ["الاحتلال الروسي"]),
        GazetteerActor(id: "lebanon", type: .state, name: "لبنان", nameEn: "Lebanon"),
        GazetteerActor(id: "fsa", type: .faction, name: "الجيش الحر", nameEn: "Free Syrian Army", aliasesAr: ["الجيش السوري الحر"]),
        GazetteerActor(id: "nasser-rustom", type: .person, name: "ناصر رستم", nameEn: "Nasser Rustom"),
    ])

    static let extractor = Extractor(gazetteer: gazetteer, rules: try! RuleTable.bundled())

    static func extract(_ text: String, date: String? = nil) -> DocumentExtraction {
        extractor.extract(Article(id: "test.txt", text: text, date: date.flatMap { PartialDate($0) }))
    }
}

/// One row of a table-driven test over a sentence: its name in the test report, the text, and
/// what the test expects of it.
struct TextCase<Expected: Sendable>: CustomTestStringConvertible, Sendable {
    var name: String
    var text: String
    var expected: Expected
    var testDescription: String { name }
}
