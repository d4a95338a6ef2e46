/// A region of the built-in anatomical vocabulary used by body-map items.
///
/// The vocabulary follows where dermatomyositis skin signs appear (see docs/questionnaire-format.md):
/// eyelids (heliotrope), knuckles (Gottron's), neck and upper chest (V-sign), upper back
/// and shoulders (shawl), outer thighs (holster), and so on. Regions have no left/right:
/// the signs that matter are symmetric and a kiosk screen is small.
public struct BodyRegion: Hashable, Sendable, Identifiable {
    public enum View: String, Hashable, Sendable {
        case front
        case back
    }

    public var id: String
    public var view: View
    /// The letter that selects it on the body map.
    public var key: Character
    public var label: LocalizedText

    init(_ id: String, _ view: View, _ key: Character, en: String, de: String, ru: String) {
        self.id = id
        self.view = view
        self.key = key
        self.label = LocalizedText(["en": en, "de": de, "ru": ru], fallback: "en")
    }

    public static func named(_ id: String) -> BodyRegion? { all.first { $0.id == id } }

    /// The whole vocabulary, front view first, head to feet.
    public static let all: [BodyRegion] = [
        BodyRegion("scalp", .front, "a", en: "Scalp", de: "Kopfhaut", ru: "Кожа головы"),
        BodyRegion("eyelids", .front, "b", en: "Eyelids", de: "Augenlider", ru: "Веки"),
        BodyRegion("face", .front, "c", en: "Face (cheeks, nose)", de: "Gesicht (Wangen, Nase)", ru: "Лицо (щёки, нос)"),
        BodyRegion("neck_front", .front, "d", en: "Front of neck", de: "Vorderer Hals", ru: "Передняя часть шеи"),
        BodyRegion("upper_chest", .front, "e", en: "Upper chest", de: "Obere Brust", ru: "Верхняя часть груди"),
        BodyRegion("upper_arms", .front, "f", en: "Upper arms", de: "Oberarme", ru: "Плечи (верхняя часть рук)"),
        BodyRegion("forearms", .front, "g", en: "Forearms", de: "Unterarme", ru: "Предплечья"),
        BodyRegion("palms", .front, "h", en: "Palms", de: "Handflächen", ru: "Ладони"),
        BodyRegion("finger_sides", .front, "i", en: "Sides of fingers", de: "Fingerseiten", ru: "Боковые стороны пальцев"),
        BodyRegion("abdomen", .front, "j", en: "Belly", de: "Bauch", ru: "Живот"),
        BodyRegion("front_thighs", .front, "k", en: "Front of thighs", de: "Oberschenkel vorn", ru: "Передняя часть бёдер"),
        BodyRegion("knees", .front, "l", en: "Knees", de: "Knie", ru: "Колени"),
        BodyRegion("lower_legs", .front, "m", en: "Lower legs", de: "Unterschenkel", ru: "Голени"),
        BodyRegion("inner_ankles", .front, "n", en: "Inner ankles", de: "Innenknöchel", ru: "Внутренние лодыжки"),
        BodyRegion("feet", .front, "o", en: "Feet", de: "Füße", ru: "Стопы"),
        BodyRegion("back_of_neck", .back, "p", en: "Back of neck", de: "Nacken", ru: "Задняя часть шеи"),
        BodyRegion("shoulders_upper_back", .back, "q", en: "Shoulders and upper back", de: "Schultern und oberer Rücken", ru: "Плечи и верх спины"),
        BodyRegion("elbows", .back, "r", en: "Elbows", de: "Ellenbogen", ru: "Локти"),
        BodyRegion("back_of_hands", .back, "s", en: "Back of hands and knuckles", de: "Handrücken und Fingerknöchel", ru: "Тыльная сторона кистей и костяшки"),
        BodyRegion("nailfolds", .back, "t", en: "Skin around the nails", de: "Haut um die Nägel", ru: "Кожа вокруг ногтей"),
        BodyRegion("lower_back", .back, "u", en: "Lower back", de: "Unterer Rücken", ru: "Поясница"),
        BodyRegion("outer_hips_thighs", .back, "v", en: "Outer hips and thighs", de: "Äußere Hüften und Oberschenkel", ru: "Наружная часть бёдер"),
        BodyRegion("buttocks", .back, "w", en: "Buttocks", de: "Gesäß", ru: "Ягодицы"),
    ]
}
