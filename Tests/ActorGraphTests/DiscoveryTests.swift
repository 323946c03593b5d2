import Testing
@testable import ActorGraph

/// Table-driven discovery tests: a sentence and the persons found outside the fixture gazetteer.
@Suite("Discovery of persons")
struct DiscoveryTests {
    typealias Case = TextCase<[String]>

    static let cases: [Case] = [
        Case(name: "a rank before a name", text: "قال العميد سهيل الحسن إن الهجوم فشل.", expected: ["سهيل الحسن"]),
        Case(name: "a faction's official", text: "قال أحمد العلي، القيادي في الجيش الحر، إن الهجوم فشل.", expected: ["أحمد العلي"]),
        Case(name: "a nickname cue, then the description of a fighter",
             text: "قال المكنى “أبو حمزة” وهو أحد قادة الجيش الحر إن الهجوم فشل.", expected: ["أبو حمزة"]),
        // Negatives: a person named as a source, described as a civilian.
        Case(name: "negative: a nickname cue, then «وهو سائق»",
             text: "أكد المكنى “أبو عيسى” وهو سائق أحد الصهاريج قيام عناصر حزب الله بفرض الإتاوات.", expected: []),
        Case(name: "negative: «وهو أحد الأهالي»", text: "قال المدعو خالد العمر، وهو أحد الأهالي، إن قوات النظام اعتقلت شقيقه.",
             expected: []),
        Case(name: "negative: a monitor's director", text: "قال رامي عبد الرحمن، مدير المرصد السوري، إن الاشتباكات مستمرة.", expected: []),
        // Negatives: what follows a trigger word is no name.
        Case(name: "negative: «الإرهابي» after a group's name is its adjective",
             text: "اتسعت المعارك ضد تنظيم داعش الإرهابي لتضاف إليها جبهة جديدة في الجنوب.", expected: []),
        Case(name: "negative: a preposition glued to the article opens no name",
             text: "ظهر القيادي للمرة الأولى في ريف حلب.", expected: []),
        Case(name: "negative: a title, then «للجناح العسكري»",
             text: "يشغل منصب القائد العام للجناح العسكري لـ\"الجيش الحر\" منذ عامين.", expected: []),
        Case(name: "a role word ends the name", text: "أعلن العميد زياد فهد عضو الهيئة التدريسية انشقاقه.", expected: ["زياد فهد"]),
        Case(name: "negative: «فهو» ends a given name", text: "أما أخوه عمر فهو عضو في مجلس الشعب.", expected: []),
        Case(name: "a role, a quoted actor, then the name", text: "اندلعت مواجهات بين قوات النظام وقائد مليشيا \"الدفاع الوطني\" عبد القادر حمو.",
             expected: ["عبد القادر حمو"]),
        Case(name: "a defector, the actor he left, then the name", text: "قال النقيب المنشق عن قوات النظام يونس الأحمد إن الفرقة تهرب المخدرات.",
             expected: ["يونس الأحمد"]),
        Case(name: "«يدعى» takes a quoted name whatever its first word", text: "يقود الميليشيا شخص يدعى\" نابل العبد الله \" في المدينة.",
             expected: ["نابل العبد الله"]),
        Case(name: "«الشهر» ends a name", text: "أهان حمو شيخ العشيرة الشيخ عبد العزيز المسلط الشهر الماضي.", expected: ["عبد العزيز المسلط"]),
        Case(name: "«منصب» ends a name", text: "تسلم اللواء ماهر منصب القائد العام للفرقة.", expected: []),
        Case(name: "a place after «في» and a comma between the actor and the name",
             text: "أهدى الضابط وساما لقائد “الدفاع الوطني” في محردة، سيمون الوكيل.", expected: ["سيمون الوكيل"]),
        Case(name: "negative: a nationality is no name", text: "وقالت المصادر إن القيادي أفغاني الجنسية.", expected: []),
        Case(name: "a role with a pronoun for its actor, then the name",
             text: "أدرجت الوزارة لواء القدس وقائدها محمد حسين الجاسم على قائمة العقوبات.", expected: ["محمد حسين الجاسم"]),
        Case(name: "«أمين عام» after a name is the title", text: "رفع المقاتلون صور العميد سمير الحسن أمين عام حزب الله.",
             expected: ["سمير الحسن"]),
        Case(name: "«أمين» as a given name stays in the name", text: "قال العميد سمير أمين الحسن إن الهجوم فشل.",
             expected: ["سمير أمين الحسن"]),
        Case(name: "a kunya in brackets after a name is the same person",
             text: "وتشير المصادر إلى أن العميد عبد الرحمن حسين الخطيب («أبو حسين الأردني») يقودها.", expected: ["عبد الرحمن حسين الخطيب"]),
        Case(name: "negative: a byline in brackets after an outlet's dash", text: "بلدي نيوز - (عمر حاج حسين)", expected: []),
        Case(name: "negative: a byline in quotes after an en dash", text: "عنب بلدي – “عمر حاج حسين”", expected: []),
        Case(name: "a role's office, «في» and its actor, then the name",
             text: "وقال مدير العلاقات العامة في \"لواء القدس\" أحمد الأحمد لموقع تلفزيون سوريا إن الفصائل تصدت للهجوم.", expected: ["أحمد الأحمد"]),
        Case(name: "a woman commander", text: "وقالت القيادية جيهان شيخ أحمد في المؤتمر إن المعركة بدأت.", expected: ["جيهان شيخ أحمد"]),
        Case(name: "negative: a byline after a dash and a place", text: "بلدي نيوز - إدلب (مصعب العمر)", expected: []),
        Case(name: "a quoted name that a role follows, whatever its first word",
             text: "ألقى الأمن العام القبض على “تمام علي الشيخ” قائد قوات الطراميح في بلدة معردس.", expected: ["تمام علي الشيخ"]),
        Case(name: "a quoted name after a rank, whatever its first word", text: "تم تعيين العميد \"عناد الدرويش\" مسؤولا للشؤون الإدارية.",
             expected: ["عناد الدرويش"]),
        Case(name: "negative: a trigger used as an adjective, then «و» and a noun",
             text: "تأتي التعيينات لتعزيز الهيكل القيادي وتطوير الأداء الاستراتيجي.", expected: []),
        Case(name: "negative: a bracketed name that is its whole line", text: "(عمر حاج حسين)", expected: []),
        Case(name: "a quoted name with words after it", text: "وقال “نواف البشير” شيخ قبيلة إن لواء القدس انسحب.", expected: ["نواف البشير"]),
        Case(name: "a possessive role that is no role word of its own («ومؤسسه»)",
             text: "أدرجت الوزارة حزب الله ومؤسسه محمد حسين الجاسم على قائمة العقوبات.", expected: ["محمد حسين الجاسم"]),
        Case(name: "a kunya with an origin, unquoted, no role near", text: "وقال أبو عمر الإدلبي عبر منصة “إكس” إن الاتفاق صامد.",
             expected: ["أبو عمر الإدلبي"]),
        Case(name: "a kunya after a faction, an apposition", text: "وقال قائد لواء القدس، أبي حسين الحمصي، إن الاتفاق صامد.",
             expected: ["أبي حسين الحمصي"]),
        Case(name: "a name before a nickname in brackets, the nickname glued to «ب» no second person",
             text: "وأضاف أن مؤيد الضويحي (الملقب بأبو نزار) هو حاليا على رأس لواء القدس.", expected: ["مؤيد الضويحي"]),
        Case(name: "a name set off by commas after a role, its actor and an adjective",
             text: "وخرج قائد الجيش الحر الجديد، مزيد خداج، بتسجيل مصور.", expected: ["مزيد خداج"]),
        Case(name: "a kunya after «بقيادة»", text: "وكانت الفرقة 37 المشكلة حديثاً بقيادة أبو العز أريحا قد هاجمت الحاجز.", expected: ["أبو العز أريحا"]),
        Case(name: "negative: a time set off by commas", text: "قال قائد الجيش الحر، يوم الأحد، إن الهجوم فشل.", expected: []),
        Case(name: "negative: a phrase with a glued preposition set off by commas",
             text: "اغتيل مؤسس الجيش الحر، باستهداف موكبه، في درعا.", expected: []),
        Case(name: "negative: the words after the role's known name", text: "وقع قائد الجيش الحر، ناصر رستم، اتفاقية إطار، مع الحكومة.",
             expected: []),
        Case(name: "negative: places that start with «أبو»", text: "سيطرت الفصائل على بلدة أبو الظهور وقرية أبو حمام.", expected: []),
        Case(name: "negative: a kunya of an activist", text: "وتحدث الناشط أبو شادي الحموي للموقع عن الاشتباكات.", expected: []),
        Case(name: "negative: a kunya of a resident", text: "وقال أبو أحمد الحمصي، أحد سكان الحي، إن القصف لم يتوقف.", expected: []),
        Case(name: "a name before «أحد عناصر» a group", text: "كانت السيارة بحوزة محمد حسن المقداد, أحد عناصر \"حزب الله\".",
             expected: ["محمد حسن المقداد"]),
        Case(name: "a name before «أبرز إعلاميي» a group", text: "وأكد عمر مارديني أبرز إعلاميي لواء القدس صحة الأخبار.", expected: ["عمر مارديني"]),
        Case(name: "negative: «أحد» members of no group named", text: "وقال محمد حسن، أحد عناصر الدفاع المدني، إن القصف مستمر.", expected: []),
        Case(name: "names listed after «بينهم» a group's people, the second after «و»",
             text: "حضرته مجموعة من المسؤولين في الدفاع الوطني بينهم طارق المغوش وطارق خويص.", expected: ["طارق المغوش", "طارق خويص"]),
        Case(name: "negative: «بينهم» after no group", text: "قتل عشرة مدنيين بينهم طارق المغوش.", expected: []),
        Case(name: "names announced by «وهما» after a group's members", text: "قتل اثنان من عناصر الدفاع الوطني، وهما قاسم بور وإسماعيل شجاعي، في المعارك.",
             expected: ["قاسم بور", "إسماعيل شجاعي"]),
        Case(name: "names in brackets after «وهم»", text: "اعتقلت القوة أربعة أخوة، وهم (محمد ذيب الزعبي، أحمد ذيب الزعبي).",
             expected: ["محمد ذيب الزعبي", "أحمد ذيب الزعبي"]),
        Case(name: "negative: «وهم» before a verb", text: "وصل المقاتلون إلى حلب وهم يحملون أسلحتهم.", expected: []),
        Case(name: "an accusative role ends the name", text: "خطف أحد قادة الدفاع الوطني ويدعى سليم حميد قيادياً في الجيش الحر.", expected: ["سليم حميد"]),
    ]

    /// Groups found by their heads: the name discovered, or none.
    @Test(arguments: [
        ("a head and a quoted name", "أعلن الجيش الحر تشكيل كتيبة \"خالد بن الوليد\" في حمص.", ["خالد بن الوليد"]),
        ("a patronymic goes on with a name", "تم تعيين قائد عام للواء الزبير ابن العوام في وزارة الدفاع.", ["لواء الزبير ابن العوام"]),
        ("negative: «المعروف باسم» names a person, not a group", "تقدم إيران دعما لقائد الميليشيا المعروف باسم “فراس العراقية” في دير الزور.", []),
        ("a head and a name in brackets", "أعلن الجيش الحر تشكيل كتيبة (أبي عبيدة بن الجراح) في ريف دمشق.", ["أبي عبيدة بن الجراح"]),
        ("negative: «حركة» and a verbal noun", "تزداد كذلك حركة الانشقاق في صفوف قوات النظام.", []),
        ("negative: «حركة البضائع»", "يستخدم الكثير منها العنف للسيطرة على حركة البضائع والأشخاص.", []),
        ("negative: a named operation is no group", "أطلقت قوات سوريا الديمقراطية عملية “الإنسانية والأمن” في مخيم الهول.", []),
        ("an honorific and a name in a group's name", "ظهرت ميليشيا جديدة تعرف باسم لواء السيدة زينب في الميادين.", ["لواء السيدة زينب"]),
        ("negative: a battle front «على جبهة …»", "وقاتلت إلى جانب لواء القدس على جبهة الملاح في حلب.", []),
        ("negative: a political party", "ضمت اللجنة ممثلين عن حزب سوريا المستقبل وحزب الاتحاد السرياني.", []),
        ("divisions named after their provinces", "عينت الوزارة قائدا لفرقة حمص وآخر لفرقة دير الزور.", ["فرقة حمص", "فرقة دير الزور"]),
        ("a patron's full name after the head", "أعلنت الوزارة تشكيل لواء علي بن أبي طالب في حماة.", ["لواء علي بن أبي طالب"]),
        ("negative: a front and a rescue team at a province", "تقدمت الفصائل على جبهة حلب، وأرسلت فرقة إنقاذ إلى حمص.", []),
        ("quoted names joined to a group's name", "وتضم القائمة “لواء القدس” و”المقاومة الشعبية التوحيدية”، و”قوات درع الجنوب”.",
         ["المقاومة الشعبية التوحيدية", "قوات درع الجنوب"]),
        ("negative: quoted people listed after a group", "قتل “رامي الحريري” القيادي في لواء القدس، و“طارق زياد الجوفي”.", []),
        ("a list after a colon that a plural noun announces",
         "وتضم الفصائل المنضمة إلى الحرس: المقاومة الشعبية التوحيدية، قوات درع الجنوب، ورجال اللجاة.",
         ["المقاومة الشعبية التوحيدية", "قوات درع الجنوب", "رجال اللجاة"]),
        ("negative: prose after a colon", "وقالت الفصائل في بيان: إن الهجوم على المدينة فشل بعد معارك عنيفة استمرت أياما.", []),
        ("negative: a long clause after a colon ends the list",
         "وأوضحت الفصائل المشاركة: قوات النظام المدعومة بالطيران الروسي حاولت التقدم نحو البلدة، وعناصر صدتها.", []),
        ("negative: a commission of a civil field", "وأعلنت هيئة المالية في الإدارة الذاتية عن رواتب جديدة.", []),
    ])
    func discoversGroups(name: String, text: String, expected: [String]) {
        let doc = Fixtures.extract(text)
        #expect(doc.actors.actors.filter { $0.discovered && $0.type != .person }.map(\.name) == expected, "\(name)")
    }

    @Test(arguments: cases)
    func discovers(_ c: Case) {
        let doc = Fixtures.extract(c.text)
        let found = doc.actors.actors.filter { $0.discovered && $0.type == .person }.map(\.name)
        #expect(found == c.expected)
    }

    /// States named only as places are no actors; a state that acts stays one.
    @Test(arguments: [
        ("مقاتلين شيعة من لبنان وروسيا", "استقطب اللواء مقاتلين شيعة من لبنان وروسيا للقتال في سوريا.", [String]()),
        ("fighters from, a list", "وصل مرتزقة من لبنان، وروسيا إلى دمشق.", []),
        ("departure", "انسحب حزب الله من القصير باتجاه لبنان.", []),
        ("backed fighters", "قاتل مقاتلون مدعومون من روسيا في حماة.", ["russia"]),
        ("a sponsor", "تلقى الجيش الحر دعما من روسيا ولبنان.", ["lebanon", "russia"]),
        // The adjective's mention is added after the names: it crashed the list walk once.
        ("an adjectival sponsor, then a place", "تشكلت قوات سوريا الديمقراطية بدعم أميركي، ثم انسحب مقاتلوها إلى لبنان.", ["united-states"]),
        ("an adjective after a second noun of support", "يتمتع الجيش الحر بجميع ألويته، بدعم وإشراف روسي.", ["russia"]),
        ("a place, then a state that acts", "انسحب حزب الله إلى لبنان، وقصفت روسيا مواقع الجيش الحر.", ["russia"]),
    ])
    func statesNamedAsPlaces(name: String, text: String, expected: [String]) {
        let doc = Fixtures.extract(text)
        #expect(doc.actors.actors.filter { $0.type == .state }.map(\.id).sorted() == expected, "\(name)")
    }
}
