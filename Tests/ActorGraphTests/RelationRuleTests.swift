import Testing
@testable import ActorGraph

/// Table-driven relation tests over the shipped rule table and a fixed fixture gazetteer:
/// a sentence and the typed relations it states, as "type source target" with ids.
@Suite("Relation rules")
struct RelationRuleTests {
    typealias Case = TextCase<Set<String>>

    static let cases: [Case] = [
        Case(name: "subordinate_to with coordination and a nested unit",
             text: "انشق عناصر من ميليشيات الدفاع الوطني ولواء القدس التابعة لشعبة المخابرات العسكرية في دمشق الفرع 227.",
             expected: ["subordinate_to ndf mi-directorate", "subordinate_to liwa-al-quds mi-directorate",
                        "subordinate_to ndf mi-branch-227", "subordinate_to liwa-al-quds mi-branch-227",
                        "subordinate_to mi-branch-227 mi-directorate"]),
        Case(name: "subordinate_to across quotes", text: "فرّ عناصر من “قوة الرضوان” التابعة لـ“حزب الله اللبناني” من حمص.",
             expected: ["subordinate_to radwan-force hezbollah"]),
        Case(name: "commands by relative clause with a rank", text: "أعلنت قيادة ميليشيا الدفاع الوطني الذي يترأسه العميد ناصر رستم عن بدء الملاحقة.",
             expected: ["commands nasser-rustom ndf"]),
        Case(name: "commands: leader of X, name", text: "قال قائد قوات سوريا الديمقراطية “قسد” مظلوم عبدي إن الاتفاق صامد.",
             expected: ["commands x-mzlwm-bdy sdf"]),
        Case(name: "commands: X … its commander, name", text: "تراجعت قوة حزب الله في المنطقة، وقتل قائدها العميد سمير الحسن في الغارة.",
             expected: ["commands x-smyr-al-hsn hezbollah"]),
        Case(name: "negative: «قائدها» too far from the actor",
             text: "انسحب حزب الله من المدينة بعد أيام طويلة من القتال العنيف، وقتل قائدها العميد سمير الحسن.", expected: []),
        Case(name: "fights: a gap passes over a sponsor named by an adjective",
             text: "تشكلت قوات سوريا الديمقراطية عام 2015 بدعم أميركي بهدف محاربة تنظيم الدولة.",
             expected: ["fights sdf islamic-state", "supports united-states sdf"]),
        Case(name: "commands: the sentence's topic, a pronoun on the cue",
             text: "ويعتبر “لواء القدس”، ميليشيا رديفة لقوات الأسد، أعلن عن تأسيسها عام 2013، ويقودها محمد أحمد السعيد المعروف بأبي علي.",
             expected: ["commands x-mhmd-ahmd-al-s-yd liwa-al-quds", "allied_with liwa-al-quds assad-regime-forces"]),
        Case(name: "commands: the topic after a reporting verb, not its speaker",
             text: "قال الجيش الحر إن لواء القدس، المنتشر قرب حلب، ويقودها محمد أحمد السعيد المعروف بأبي علي، انسحب من مواقعه.",
             expected: ["commands x-mhmd-ahmd-al-s-yd liwa-al-quds"]),
        Case(name: "supports: the topic, «يوفر لها» a sponsor",
             text: "تسيطر قوات سوريا الديمقراطية على الرقة، كما توفر لها الولايات المتحدة غطاء جويا.",
             expected: ["supports united-states sdf"]),
        Case(name: "allied_with: the topic, a force «التي تقاتل إلى جانبه»",
             text: "تحاصر قوات النظام المدينة، وتتقدم في ريفها ميليشيا لواء القدس، التي تقاتل إلى جانبه منذ سنوات.",
             expected: ["allied_with assad-regime-forces liwa-al-quds"]),
        Case(name: "subordinate_to: the backbone of the topic",
             text: "تضم قوات سوريا الديمقراطية فصائل عربية وكردية، غير أن وحدات حزب الله تشكل عمودها الفقري.",
             expected: ["subordinate_to hezbollah sdf"]),
        Case(name: "member_of: spokesperson in X", text: "قال عمر حافظ، المسؤول الإعلامي في لواء القدس، إن الهجوم فشل.",
             expected: ["member_of x-mr-hafz liwa-al-quds"]),
        Case(name: "supports: backed by", text: "سيطرت قوات سوريا الديمقراطية الكردية، المدعومة من الولايات المتحدة على دير الزور.",
             expected: ["supports united-states sdf"]),
        Case(name: "supports: under the sponsorship of", text: "تخضع المنطقة للتسوية التي وقعها الجيش الحر برعاية الاحتلال الروسي.",
             expected: ["supports russia fsa"]),
        Case(name: "fights: clashes between A and B", text: "تشهد أحياء حمص اشتباكات عنيفة بين جيش النظام وميليشيا الدفاع الوطني.",
             expected: ["fights assad-regime-forces ndf"]),
        Case(name: "fights: a clash noun before a coordinated pair", text: "اشتباكات الدفاع الوطني وميليشيا “حزب الله” في القلمون تزداد حدة.",
             expected: ["fights ndf hezbollah"]),
        Case(name: "negative: a pair fighting a third side is no clash between them",
             text: "اشتباكات قوات النظام وحزب الله ضد تنظيم داعش في البادية.",
             expected: ["fights assad-regime-forces islamic-state", "fights hezbollah islamic-state"]),
        Case(name: "negative: «معارك A وB» are battles they fight together", text: "معارك الجيش الحر وقوات سوريا الديمقراطية في الريف الشمالي.",
             expected: []),
        Case(name: "fights: one side, the other side", text: "اشتباكات تدور بين قوات الأسد من جهة والدفاع الوطني من جهة أخرى.",
             expected: ["fights assad-regime-forces ndf"]),
        Case(name: "fights: ambush carried out by", text: "قتل عناصر من لواء القدس بعد وقوعهم بكمين محكم نفّذه مقاتلو تنظيم الدولة.",
             expected: ["fights islamic-state liwa-al-quds"]),
        Case(name: "fights: verb first, target nouns", text: "استهدفت مجموعات من فلول النظام مواقع لقوات سوريا الديمقراطية في الريف.",
             expected: ["fights assad-regime-forces sdf"]),
        Case(name: "allied_with: coordination with", text: "أطلق الجيش الحر حملة أمنية بالتنسيق مع قوات سوريا الديمقراطية في المنطقة.",
             expected: ["allied_with fsa sdf"]),
        Case(name: "defected_from", text: "انشق عشرات العناصر من الدفاع الوطني عن قوات النظام.",
             expected: ["defected_from ndf assad-regime-forces"]),
        Case(name: "allied_with: examples of a group's allies, not its parts",
             text: "تنتشر في الريف عدة فصائل متحالفة مع “حزب الله” ومن أبرزها “لواء القدس” الذي يسيطر على القرى.",
             expected: ["allied_with liwa-al-quds hezbollah"]),
        Case(name: "subordinate_to: examples of a group", text: "تنتشر في المنطقة ميليشيات حزب الله اللبناني مثل قوة الرضوان.",
             expected: ["subordinate_to radwan-force hezbollah"]),
        Case(name: "commands: a person coordinated with the unit is not commanded",
             text: "أصبح العميد سمير الحسن قائدا لقوة الرضوان، والعميد ناصر رستم قائدا للدفاع الوطني.",
             expected: ["commands x-smyr-al-hsn radwan-force", "commands nasser-rustom ndf"]),
        Case(name: "fights: the partitive «مجموعات مسلحة من» before a side",
             text: "اندلعت اشتباكات بين قوات سوريا الديمقراطية ومجموعات مسلحة من تنظيم داعش قرب الرقة.",
             expected: ["fights sdf islamic-state"]),
        Case(name: "fights: one side «من جهة»، then the other", text: "تدور المعارك بين مقاتلي الجيش الحر من جهة، ومقاتلي لواء القدس وحزب الله من جهة أخرى.",
             expected: ["fights fsa liwa-al-quds", "fights fsa hezbollah"]),
        Case(name: "fights: an attack claimed on a group", text: "تبنى تنظيم داعش هجوما على قوات سوريا الديمقراطية في منبج.",
             expected: ["fights islamic-state sdf"]),
        Case(name: "subordinate_to: «التابع» after a comma of apposition", text: "يتمركز لواء القدس، التابع لقوات النظام، في أحياء حلب الشرقية.",
             expected: ["subordinate_to liwa-al-quds assad-regime-forces"]),
        Case(name: "subordinate_to: «هي جزء من»", text: "وقوة الرضوان هي جزء من حزب الله اللبناني.",
             expected: ["subordinate_to radwan-force hezbollah"]),
        Case(name: "commands: «وهو قائد»", text: "شملت العقوبات العميد سمير الحسن وهو قائد قوة الرضوان.",
             expected: ["commands x-smyr-al-hsn radwan-force"]),
        Case(name: "supports: the topic, «، ويتلقى الدعم من»", text: "ينتشر الجيش الحر في ريف حلب الشمالي، ويتلقى الدعم والتمويل من روسيا.",
             expected: ["supports russia fsa"]),
        Case(name: "negative: support received by a militia the sentence does not name", text: "قال سمير الحسن إن الميليشيا تتلقى دعما من روسيا.",
             expected: []),
        Case(name: "negative: the first of «بين A وB» shares none of B's relations",
             text: "توسع الاقتتال بين حلفاء الجيش الحر ولواء القدس التابع لقوات النظام في الريف.",
             expected: ["subordinate_to liwa-al-quds assad-regime-forces"]),
        Case(name: "negative: «منها» after a verb is «from which», not «among them»",
             text: "انتشرت ميليشيا لواء القدس في النقاط التي انسحبت منها قوة الرضوان.", expected: []),
        // Negatives: the cue word is there, the relation is not.
        Case(name: "negative: «مثلما» compares, it does not list", text: "تقدم الجيش الحر مثلما تقدمت قوات النظام في الشمال.", expected: []),
        Case(name: "negative: «مع» in a clash is no alliance", text: "اندلعت اشتباكات بين الجيش الحر مع قوات النظام في درعا.",
             expected: ["fights fsa assad-regime-forces"]),
        Case(name: "negative: a place, not a sponsor", text: "انسحب حزب الله من القصير باتجاه لبنان.", expected: []),
        Case(name: "negative: co-mention only", text: "قال الجيش الحر إن قوات النظام قريبة من المدينة.", expected: []),
        Case(name: "negative: «التابعة» for a checkpoint, not an actor", text: "استهدف مجهولون حاجزاً تابعاً لحزب الله قرب دمشق.", expected: []),
        Case(name: "negative: apposition is not coordination", text: "قال قائد قوات سوريا الديمقراطية، مظلوم عبدي، إن القوات جاهزة.",
             expected: ["commands x-mzlwm-bdy sdf"]),
        // Seventh session: parallel conjuncts, kinship appositions, second predicates of a person.
        Case(name: "a parallel conjunct past an apposition («لتنظيم A ذراع C، ولتنظيم B»)",
             text: "وأضافت أن قوات النظام تتصدى لهجوم تنفذه مجموعات تابعة لتنظيم “الدفاع الوطني” ذراع حزب الله في حماة، ولتنظيم “لواء القدس” في الريف.",
             expected: ["fights assad-regime-forces ndf", "fights assad-regime-forces liwa-al-quds", "subordinate_to ndf hezbollah"]),
        Case(name: "negative: a repeated verb is a new clause, not a parallel conjunct",
             text: "هاجم حزب الله مواقع الجيش الحر في القصير، وهاجم لواء القدس البلدة.",
             expected: ["fights hezbollah fsa"]),
        Case(name: "a kinship apposition: the post is the first person's",
             text: "أعلن النظام تعيين العميد سهيل الحسن، شقيق القائد العام ناصر رستم، قائدا للدفاع الوطني في حمص.",
             expected: ["commands x-shyl-al-hsn ndf"]),
        Case(name: "commands: after a comma, and past the post's own noun",
             text: "صدر قرار يقضي بتعيين “فارس جنيدان”، قائدا لمركز “الدفاع الوطني” بحلب.",
             expected: ["commands x-fars-jnydan ndf"]),
        Case(name: "member_of: a second predicate of the sentence's person",
             text: "وأكدت المصادر أن القيادي أحمد العلي عمل ضمن صفوف الجيش الحر قبل التسوية، ويعمل حاليا كمتطوع في صفوف لواء القدس.",
             expected: ["member_of x-ahmd-al-ly fsa", "member_of x-ahmd-al-ly liwa-al-quds"]),
        Case(name: "member_of: «أنه مسؤول … في B» of the person just named",
             text: "قتل قيادي يدعى “فوزي حمزة” أثناء تأدية مهامه، مشيرة إلى أنه مسؤول مركز دنون في لواء القدس.",
             expected: ["member_of x-fwzy-hmzh liwa-al-quds"]),
        Case(name: "member_of: the deputy of the sentence's group",
             text: "أعلن عن تشكيل اللواء عبر صفحة «لواء القدس» التي تأسست الأربعاء، وقالت إن «الأمين العام» هو «أبو شهد»، ونائبه هو «أبو هاجر».",
             expected: ["commands x-abw-shhd liwa-al-quds", "member_of x-abw-hajr liwa-al-quds"]),
        Case(name: "supports: a militia funded by a state", text: "قتل قيادي في ميليشيا لواء القدس الممولة من روسيا.",
             expected: ["supports russia liwa-al-quds"]),
        Case(name: "fights: «بين فصيلي A، وB», a dual descriptor and a comma",
             text: "واشتباك مسلح بين عناصر من فصيلي لواء القدس، والجيش الحر في منطقة جرابلس.",
             expected: ["fights liwa-al-quds fsa"]),
        Case(name: "subordinate_to: a quoted group whose words are generic («“جيش النخبة”»)",
             text: "قتل القائد العسكري في “جيش النخبة” المنضوي في صفوف “الجيش الحر” في جرابلس.",
             expected: ["subordinate_to x-jysh-al-nkhbh fsa"]),
        Case(name: "brackets are transparent: an alias in brackets, then «، التابعة لـ»",
             text: "أعلن “لواء القدس” (لواء القدس الفلسطيني)، التابع لـ“قوات النظام”، السبت، إطلاق عملية جديدة.",
             expected: ["subordinate_to liwa-al-quds assad-regime-forces"]),
        Case(name: "brackets are transparent: «X (قائد مجموعة B)»",
             text: "شكل اغتيال القيادي سمير الحسن (قائد مجموعة لواء القدس) في أيلول بداية النهاية.",
             expected: ["commands x-smyr-al-hsn liwa-al-quds"]),
        Case(name: "an actor after a noun of time is a date: the party led is the one before it",
             text: "هاجمت قوات لواء القدس بزمن قوات النظام بقيادة العميد سمير الحسن، بيوت المنشقين.",
             expected: ["commands x-smyr-al-hsn liwa-al-quds"]),
        Case(name: "subordinate_to: the leader named between the unit and «التابع»",
             text: "يعد حل قوة الرضوان بقيادة العميد سمير الحسن التابع لحزب الله حدثا كبيرا.",
             expected: ["commands x-smyr-al-hsn radwan-force", "subordinate_to radwan-force hezbollah"]),
        Case(name: "subordinate_to: «A فرع لتنظيم B»", text: "ويعتبر “لواء القدس” فرع لتنظيم “الدولة” في سوريا.",
             expected: ["subordinate_to liwa-al-quds islamic-state"]),
        Case(name: "supports: «الداعم الأساسي لـ»", text: "لطالما كانت روسيا الداعم الأساسي لقوات النظام في الجنوب.",
             expected: ["supports russia assad-regime-forces"]),
        Case(name: "member_of: a spokesman without a comma, with modifiers",
             text: "وأشارت المصادر إلى أن “أبي فراس السوري” المتحدث الرسمي السابق باسم “الجيش الحر” قتل في غارة.",
             expected: ["member_of x-aby-fras-al-swry fsa"]),
        Case(name: "fights: the arrest of a leader of B, verb first",
             text: "اعتقلت “قوات النظام”، السبت، القيادي “أبي عبدالله السوري” القيادي في “لواء القدس” بعد مداهمة.",
             expected: ["fights assad-regime-forces liwa-al-quds", "member_of x-aby-bdallh-al-swry liwa-al-quds"]),
        Case(name: "fights: an ambush set by A for B", text: "تبنى تنظيم “داعش” اليوم الجمعة تنفيذ كمين بقوات النظام في بادية حمص.",
             expected: ["fights islamic-state assad-regime-forces"]),
        Case(name: "fights: deaths «جراء وقوعهم في كمين لعناصر B»",
             text: "قتل عدد من عناصر قوات النظام، أمس الأحد، جراء وقوعهم في كمين لعناصر تنظيم الدولة في البادية.",
             expected: ["fights assad-regime-forces islamic-state"]),
        Case(name: "fights: attacks launched verb first, «استهدفت B»",
             text: "شنت خلايا تنظيم داعش خلال اليومين الماضيين عدة هجمات استهدفت قوات النظام في البادية.",
             expected: ["fights islamic-state assad-regime-forces"]),
        Case(name: "fights: a single checkpoint of B", text: "هاجمت خلايا داعش حاجزا عسكريا لقوات النظام قرب الرصافة.",
             expected: ["fights islamic-state assad-regime-forces"]),
        Case(name: "commands: the head of a post of B", text: "قتل “شريف النزال” رئيس مفرزة الأمن العسكري في سحم الجولان.",
             expected: ["commands x-shryf-al-nzal mi-directorate"]),
        Case(name: "fights: «A وميليشياته من جهة ومقاتلي B من جهة ثانية»",
             text: "دارت الاشتباكات بين قوات النظام وميليشياته من جهة ومقاتلي تنظيم الدولة من جهة ثانية بريف دير الزور.",
             expected: ["fights assad-regime-forces islamic-state"]),
        Case(name: "defected_from: in a relative clause, and «من أوائل الذين انشقوا»",
             text: "كان الملازم سمير الحسن، من أوائل الذين انشقوا عن قوات النظام، وشكل مع زملاء آخرين لواء القدس.",
             expected: ["defected_from x-smyr-al-hsn assad-regime-forces", "commands x-smyr-al-hsn liwa-al-quds"]),
        Case(name: "defected_from: «النقيب X الذي انشق عن B»", text: "هما النقيب سمير الحسن الذي انشق عن قوة الرضوان في القصير.",
             expected: ["defected_from x-smyr-al-hsn radwan-force"]),
        Case(name: "negative: «B في * A» takes no coordinated unit and no «في مواجهة»",
             text: "وقفت قوات النظام في مواجهة “قوة الرضوان” قرب حمص، وشعبة المخابرات العسكرية في حلب ولواء القدس في إدلب.",
             expected: ["fights assad-regime-forces radwan-force"]),
        Case(name: "subordinate_to: a unit named after its parent and a place", text: "انشق عناصر من شعبة المخابرات العسكرية في دمشق الفرع 227 أمس.",
             expected: ["subordinate_to mi-branch-227 mi-directorate"]),
        // Coalitions and their members.
        Case(name: "subordinate_to: a coalition «المؤلف من» its members", text: "سيطر الدفاع الوطني المؤلف من لواء القدس وقوة الرضوان على المعسكر.",
             expected: ["subordinate_to liwa-al-quds ndf", "subordinate_to radwan-force ndf"]),
        Case(name: "subordinate_to: «والتي تضم»", text: "أعلن اليوم تشكيل الدفاع الوطني والتي تضم لواء القدس وحزب الله.",
             expected: ["subordinate_to liwa-al-quds ndf", "subordinate_to hezbollah ndf"]),
        Case(name: "negative: «التي تشكلت … من» names a predecessor", text: "وتعد قوة الرضوان التي تشكلت عام 1984 من لواء القدس أقوى القوات.",
             expected: []),
        Case(name: "subordinate_to: «وينتمي A وB إلى C»", text: "وينتمي لواء القدس وقوة الرضوان إلى الدفاع الوطني.",
             expected: ["subordinate_to liwa-al-quds ndf", "subordinate_to radwan-force ndf"]),
        Case(name: "subordinate_to: «والذي يتبع أيضا لـB»", text: "نقلوا إلى الفرع 227 والذي يتبع أيضا لشعبة المخابرات العسكرية.",
             expected: ["subordinate_to mi-branch-227 mi-directorate"]),
        Case(name: "subordinate_to: an arm between dashes", text: "سيطر لواء القدس - ذراع حزب الله في سوريا - على القاعدة.",
             expected: ["subordinate_to liwa-al-quds hezbollah"]),
        Case(name: "commands: «قائدها العسكري» and a quoted name", text: "اعتقلت قوة الرضوان بأمر من قائدها العسكري \"ناصر رستم\" قياديين.",
             expected: ["commands nasser-rustom radwan-force"]),
        Case(name: "supports: a force a state founded", text: "انضم المقاتل إلى الدفاع الوطني الذي أنشأته روسيا.",
             expected: ["supports russia ndf"]),
        Case(name: "supports: «المساندة لـ»", text: "اجتمع الوجهاء مع مندوب من حزب الله المساندة لقوات النظام.",
             expected: ["supports hezbollah assad-regime-forces"]),
        Case(name: "supports: «وتقدم A دعما … لـB»", text: "وتقدم روسيا دعما ماليا وعسكريا للدفاع الوطني في دير الزور.",
             expected: ["supports russia ndf"]),
        Case(name: "supports: «بغطاء ناري من»", text: "حاولت فصائل الجيش الحر سحب جثث قتلاها بغطاء ناري من روسيا.",
             expected: ["supports russia fsa"]),
        Case(name: "allied_with: «للقتال إلى جانب»", text: "يضم الدفاع الوطني آلاف المتطوعين للقتال إلى جانب قوات النظام.",
             expected: ["allied_with ndf assad-regime-forces"]),
        Case(name: "fights: «بمعارك مع»", text: "قتلى لقوات النظام بمعارك مع لواء القدس جنوب حلب",
             expected: ["fights assad-regime-forces liwa-al-quds"]),
        Case(name: "fights: «طردت A اليوم B»", text: "طردت قوات النظام اليوم الثلاثاء لواء القدس من عدة قرى.",
             expected: ["fights assad-regime-forces liwa-al-quds"]),
        Case(name: "fights: a state named as an adverb of backing is no side", text: "قتل عناصر من لواء القدس المدعوم روسياً جراء كمين نفذته قوات النظام.",
             expected: ["supports russia liwa-al-quds", "fights liwa-al-quds assad-regime-forces"]),
        // Leaders and members named with «المدعو» / «يدعى».
        Case(name: "member_of: a rank in A, then «المدعو» (not any actor before «المدعو»)",
             text: "أطلقوا النار على المساعد الأول في \"الأمن العسكري\" بقوات النظام المدعو \"محمود سعيد\" في درعا.",
             expected: ["member_of x-mhmwd-s-yd mi-directorate"]),
        Case(name: "commands: «يقود A شخص يدعى»", text: "وفي المدينة يقود ميليشيا الدفاع الوطني شخص يدعى\" نابل العبد الله \" منذ عام.",
             expected: ["commands x-nabl-al-bd-al-lh ndf"]),
        Case(name: "commands: «القائد المؤقت لـA المدعو»", text: "أصيب القائد المؤقت لـ”الدفاع الوطني” المدعو “أبو ليث خشام”.",
             expected: ["commands x-abw-lyth-khsham ndf"]),
        Case(name: "commands: a second title of the same person", text: "اختلف مع “نواف البشير” شيخ قبيلة “البكارة” ومؤسس ميليشيا “لواء القدس”.",
             expected: ["commands x-nwaf-al-bshyr liwa-al-quds"]),
        Case(name: "commands: «كان القائد السابق لـ»", text: "ويذكر أن ناصر رستم كان القائد السابق للواء القدس، وهو من أبرز القادة.",
             expected: ["commands nasser-rustom liwa-al-quds"]),
        Case(name: "commands: «قائداً عاماً لـ»", text: "كما تم تعيين ناصر رستم قائداً عاماً للواء القدس.",
             expected: ["commands nasser-rustom liwa-al-quds"]),
        Case(name: "negative: «وقائد» after a person opens another person («=» literals)",
             text: "وقع الرئيس ناصر رستم وقائد الدفاع الوطني سمير الحسن، اتفاقا يقضي بالاندماج.",
             expected: ["commands x-smyr-al-hsn ndf"]),
        Case(name: "negative: no gap passes «بينما»", text: "شغل القائد العسكري للواء القدس منصبا، بينما العميد ناصر رستم أسس الدفاع الوطني.",
             expected: []),
        Case(name: "member_of: the head of an office in B", text: "وقال مدير العلاقات العامة في \"لواء القدس\" أحمد الأحمد إن الفصائل تصدت للهجوم.",
             expected: ["member_of x-ahmd-al-ahmd liwa-al-quds"]),
        Case(name: "member_of: a deputy's title before B, then the name", text: "وادعى نائب القائد العام للواء القدس، سمير الحسن أن الهيئة تنوي الانسحاب.",
             expected: ["member_of x-smyr-al-hsn liwa-al-quds"]),
        Case(name: "commands: the commander's title before B, then the name", text: "وادعى القائد العام للواء القدس، سمير الحسن أن الهيئة تنوي الانسحاب.",
             expected: ["commands x-smyr-al-hsn liwa-al-quds"]),
        Case(name: "negative: an evacuation agreement is made between enemies",
             text: "أعلن النظام التوصل إلى اتفاق مع لواء القدس يقضي بإجلاء مقاتليه من الغوطة.", expected: []),
        Case(name: "negative: an agreement «مع» the other side, in a headline that names no truce",
             text: "لواء القدس يعلن التوصل إلى اتفاق مع روسيا في مناطق سيطرته", expected: []),
        Case(name: "allied_with: a decision taken with B", text: "فر عناصر من قوة الرضوان بعد اتخاذ قرار مع قوات النظام بالانسحاب.",
             expected: ["allied_with radwan-force assad-regime-forces"]),
        Case(name: "allied_with: an agreement imposed by two sides together",
             text: "وتخضع درعا لاتفاق التسوية الذي فرضته روسيا وقوات النظام منذ سيطرتهما على المنطقة.",
             expected: ["allied_with russia assad-regime-forces"]),
        Case(name: "subordinate_to: fighting «تحت إمرة» B", text: "ظهرت الميليشيات وحزب الله اللبناني المقاتلة تحت إمرة قوات النظام في حلب.",
             expected: ["subordinate_to hezbollah assad-regime-forces"]),
        Case(name: "commands: a secretary-general", text: "رفع المقاتلون صور ناصر رستم أمين عام حزب الله.",
             expected: ["commands nasser-rustom hezbollah"]),
        Case(name: "member_of: a rank in B, then the name", text: "أعلنت الوكالة مقتل العميد في قوة الرضوان حسين رضائي في ريف حلب.",
             expected: ["member_of x-hsyn-rdayy radwan-force"]),
        Case(name: "subordinate_to: a list of militias «التي يقودها جميعاً» B",
             text: "تسيطر إيران على البوكمال عبر نشرها ميليشيات “حزب الله” اللبناني، و”لواء القدس” التي يقودها جميعاً قوات النظام.",
             expected: ["subordinate_to hezbollah assad-regime-forces", "subordinate_to liwa-al-quds assad-regime-forces"]),
        Case(name: "allied_with: the topic's militia, an adjective, then «، التي تقاتل إلى جانبه»",
             text: "قامت قوات النظام بحل ميليشيا «لواء القدس» المحلية، التي تقاتل إلى جانبه في معاركه ضد فصائل المعارضة.",
             expected: ["allied_with assad-regime-forces liwa-al-quds"]),
        Case(name: "negative: a bracketed alias is no second party («بين A وبين B (C)»)",
             text: "شهدت القرى اشتباكات بين مقاتلي حزب الله، وبين مسلحي الجيش الحر (لواء القدس) في ريف حلب.",
             expected: ["fights hezbollah fsa"]),
        Case(name: "defected_from: the defector named after the actor he left",
             text: "قال النقيب المنشق عن قوات النظام يونس الأحمد إن الفرقة تهرب المخدرات.",
             expected: ["defected_from x-ywns-al-ahmd assad-regime-forces"]),
    ]

    @Test(arguments: cases)
    func extracts(_ c: Case) {
        let doc = Fixtures.extract(c.text)
        let ids = doc.actors.actors.map(\.id)
        let found = Set(doc.relations.filter(\.type.isTyped).map { "\($0.type.rawValue) \(ids[$0.source]) \(ids[$0.target])" })
        // Symmetric relations are stored in id order; compare them as unordered pairs.
        func canonical(_ s: Set<String>) -> Set<String> {
            Set(s.map { line in
                let p = line.split(separator: " ").map(String.init)
                guard let t = RelationType(rawValue: p[0]), t.isSymmetric else { return line }
                return ([p[0]] + [p[1], p[2]].sorted()).joined(separator: " ")
            })
        }
        #expect(canonical(found) == canonical(c.expected), "actors: \(ids)")
    }

    @Test func everyTypedRelationCarriesItsCueAndSentence() {
        let doc = Fixtures.extract("قال المصدر إن قوة الرضوان التابعة لحزب الله انسحبت. ثم عادت.")
        let relation = doc.relations.first { $0.type == .subordinateTo }
        let evidence = relation?.evidence.first
        #expect(evidence?.cue == "التابعة")
        #expect(evidence.map { doc.sentences[$0.sentence].text } == "قال المصدر إن قوة الرضوان التابعة لحزب الله انسحبت.")
    }

    /// Only the sentences evidence cites are kept, and evidence points at them.
    @Test func documentsKeepTheSentencesTheirRelationsCite() {
        let doc = Fixtures.extract("خبر أول بلا فصائل. قوة الرضوان التابعة لحزب الله انسحبت. جملة أخرى. لواء القدس يقاتل داعش.")
        #expect(doc.sentences.map(\.text) == ["قوة الرضوان التابعة لحزب الله انسحبت.", "لواء القدس يقاتل داعش."])
        let cited = Set(doc.relations.flatMap { $0.evidence.map(\.sentence) })
        #expect(cited == [0, 1])
        var relations = [ExtractedRelation(type: .fights, source: 0, target: 1, evidence: [.init(sentence: 5, cue: nil, rule: nil)]),
                         ExtractedRelation(type: .supports, source: 1, target: 0, evidence: [.init(sentence: 2, cue: nil, rule: nil),
                                                                                             .init(sentence: 5, cue: nil, rule: nil)])]
        #expect(Extractor.citedSentences(&relations, of: 7) == [2, 5])
        #expect(relations.map { $0.evidence.map(\.sentence) } == [[1], [0, 1]])
    }

    @Test(arguments: [
        ("fights\t-\tA ضد", "needs both slots A and B"),
        ("fought\t-\tA ضد B", "unknown relation type `fought`"),
        ("fights\tC\tA ضد B", "source must be A, B or -"),
        ("fights\t-\tA …30 B", "a gap is"),
        ("fights\t-\tA:army ضد B", "unknown actor type `army`"),
        ("fights A ضد B", "expected: type<TAB>source<TAB>pattern"),
    ])
    func malformedRulesSayWhichLine(rule: String, message: String) {
        do {
            _ = try RuleTable.parse("# header\n\n" + rule, file: "r.tsv")
            Issue.record("expected an error")
        } catch let error as RuleTableError {
            #expect(error.line == 3)
            #expect(error.description.contains(message), "\(error.description)")
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test func bundledRulesParse() throws {
        let table = try RuleTable.bundled()
        #expect(table.rules.count > 50)
        #expect(Set(table.rules.map(\.type)) == Set(RelationType.allCases.filter(\.isTyped)))
    }
}
