import IntakeCore

/// The front and back figures of the body map, drawn with plain line characters.
///
/// Each lowercase letter in the art is where the region with that key
/// (``BodyRegion/key``) sits; symmetric regions appear on both sides. Letters of regions
/// the item does not offer are left out when drawing.
enum BodyFigure {
    static let width = 19
    static let height = 14

    static let front = [
        #"       .-a-.       "#,
        #"      ( b b )      "#,
        #"      (  c  )      "#,
        #"       \ d /       "#,
        #"   .---' e '---.   "#,
        #"  / f |     | f \  "#,
        #" / /  |  j  |  \ \ "#,
        #"/ g/  |     |  \g \"#,
        #"h i   |_____|   i h"#,
        #"      / k|k \      "#,
        #"      | l|l |      "#,
        #"      | m|m |      "#,
        #"      |n | n|      "#,
        #"     o_/   \_o     "#,
    ]

    static let back = [
        #"       .---.       "#,
        #"      (     )      "#,
        #"      (     )      "#,
        #"       \ p /       "#,
        #"   .---' q '---.   "#,
        #"  /   |  q  |   \  "#,
        #" / r  |     |  r \ "#,
        #"/ /   |  u  |   \ \"#,
        #"s t   |_____|   t s"#,
        #"     v/ w|w \v     "#,
        #"      |  |  |      "#,
        #"      |  |  |      "#,
        #"      |  |  |      "#,
        #"     __/   \__     "#,
    ]

    /// Draws one figure at `origin`; `regions` are those offered, `chosen` their ids.
    static func draw(
        _ art: [String], at origin: Point, regions: [BodyRegion], chosen: Set<String>, focused: String?,
        into buffer: inout ScreenBuffer
    ) {
        let byKey = Dictionary(regions.map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first })
        for (row, line) in art.enumerated() {
            for (column, character) in line.enumerated() {
                let point = Point(x: origin.x + column, y: origin.y + row)
                guard character.isLetter else {
                    if character != " " { buffer.put(String(character), at: point, style: .border) }
                    continue
                }
                guard let region = byKey[character] else { continue }
                let on = chosen.contains(region.id)
                let style: Style = region.id == focused ? .focus : (on ? .selected : .accent)
                buffer.put(on ? character.uppercased() : String(character), at: point, style: style)
                buffer.addHitRegion(Rect(x: point.x - 1, y: point.y, width: 3, height: 1), action: WizardAction.region(region.id))
            }
        }
    }
}
