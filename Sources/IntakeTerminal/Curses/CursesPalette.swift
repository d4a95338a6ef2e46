import CNCursesW

/// How each ``Style/Role`` looks in a ``Theme``: curses attributes plus a colour pair.
///
/// Pair numbers are the role's raw value + 1 (pair 0 is the terminal default). In the
/// monochrome theme every role is expressed with bold / reverse / underline only, so the
/// screens stay usable on a vt100.
struct CursesPalette {
    struct Look {
        var attributes: attr_t
        var pair: Int16
    }

    private var looks: [Look]
    private let bold = cnw_attr_bold()
    private let reverse = cnw_attr_reverse()
    private let underline = cnw_attr_underline()

    /// The colours of one role: foreground, background (-1 = terminal default).
    private typealias Colors = (fg: Int16, bg: Int16)

    /// Builds the palette and, for colour themes, defines the colour pairs.
    init(theme: Theme, defineColors: Bool) {
        let black = Int16(COLOR_BLACK), white = Int16(COLOR_WHITE), red = Int16(COLOR_RED)
        let yellow = Int16(COLOR_YELLOW), cyan = Int16(COLOR_CYAN), blue = Int16(COLOR_BLUE)
        let green = Int16(COLOR_GREEN)
        let b = cnw_attr_bold(), r = cnw_attr_reverse(), u = cnw_attr_underline(), n = cnw_attr_normal()
        var looks: [Look] = []
        for role in Style.Role.allCases {
            let pair = Int16(role.rawValue + 1)
            let attributes: attr_t
            let colors: Colors?
            switch theme {
            case .monochrome:
                colors = nil
                switch role {
                case .normal, .muted, .border, .progressEmpty: attributes = n
                case .title, .accent, .warning: attributes = b
                case .selected: attributes = b
                case .focus, .buttonFocused: attributes = r | b
                case .error: attributes = b | u
                case .button: attributes = n
                case .progressFilled: attributes = r
                }
            case .default:
                switch role {
                case .normal: (attributes, colors) = (n, (-1, -1))
                case .title: (attributes, colors) = (b, (cyan, -1))
                case .muted: (attributes, colors) = (n, (-1, -1))
                case .accent: (attributes, colors) = (b, (yellow, -1))
                case .selected: (attributes, colors) = (b, (green, -1))
                case .focus: (attributes, colors) = (b, (black, cyan))
                case .error: (attributes, colors) = (b, (white, red))
                case .warning: (attributes, colors) = (b, (black, yellow))
                case .button: (attributes, colors) = (n, (black, white))
                case .buttonFocused: (attributes, colors) = (b, (white, blue))
                case .progressFilled: (attributes, colors) = (n, (cyan, -1))
                case .progressEmpty: (attributes, colors) = (n, (-1, -1))
                case .border: (attributes, colors) = (n, (cyan, -1))
                }
            case .highContrast:
                switch role {
                case .normal, .muted, .progressEmpty, .border: (attributes, colors) = (n, (white, black))
                case .title, .accent: (attributes, colors) = (b, (yellow, black))
                case .selected: (attributes, colors) = (b, (yellow, black))
                case .focus, .buttonFocused: (attributes, colors) = (b, (black, yellow))
                case .error: (attributes, colors) = (b, (white, red))
                case .warning: (attributes, colors) = (b, (black, white))
                case .button: (attributes, colors) = (b, (black, white))
                case .progressFilled: (attributes, colors) = (b, (yellow, black))
                }
            }
            if let colors, defineColors {
                init_pair(pair, colors.fg, colors.bg)
                looks.append(Look(attributes: attributes, pair: pair))
            } else {
                looks.append(Look(attributes: attributes, pair: 0))
            }
        }
        self.looks = looks
    }

    /// The attributes and pair for `style`: the role's look plus the style's own flags.
    func look(for style: Style) -> Look {
        var look = looks[style.role.rawValue]
        if style.attributes.contains(.bold) { look.attributes |= bold }
        if style.attributes.contains(.reverse) { look.attributes |= reverse }
        if style.attributes.contains(.underline) { look.attributes |= underline }
        return look
    }
}
