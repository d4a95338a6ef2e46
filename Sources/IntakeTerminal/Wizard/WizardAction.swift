/// What a tap (or click) on a part of the screen means.
///
/// Views register these with ``ScreenBuffer/addHitRegion(_:action:)`` while drawing, and
/// ``WizardUI`` reads them back for a mouse press, so layout is never re-derived from
/// coordinates.
public enum WizardAction: Hashable, Sendable {
    /// Welcome screen: begin the questionnaire.
    case start
    /// Welcome screen: choose the language at this index of the questionnaire's languages.
    case language(Int)
    case next
    case back
    case help
    /// Switch to the questionnaire's next language (F2).
    case cycleLanguage
    /// An option of a yes/no, single- or multiple-choice item, by index.
    case option(Int)
    /// A body-map region, by id.
    case region(String)
    /// A text entry field of the current widget, by index (e.g. day, month, year).
    case field(Int)
    /// A duration unit, by index into the item's units.
    case unit(Int)
    /// The "I don't remember" box.
    case dontRemember
    /// A value on a rating scale.
    case rating(Int)
    /// A row of the review page, by index into ``Wizard/reviewEntries``.
    case reviewEntry(Int)
    /// Review page: go to the confirmation.
    case submit
    /// Confirmation: send the answers.
    case confirmSend
    /// Confirmation: back to the review.
    case confirmBack
    /// Leave dialog: leave (answers kept) / stay.
    case leave
    case stay
    case closeHelp
    /// Thank-you screen: done.
    case finish
}
