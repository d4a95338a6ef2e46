import IntakeCore

/// Keyboard handling: global keys first (Ctrl-C, F1, F2), then the page, then the widget.
extension WizardUI {
    mutating func handleKey(_ key: Key, fromWheel: Bool = false) -> [UIEffect] {
        if let overlay { return handleOverlayKey(key, overlay: overlay) }
        switch key {
        case .control("c"):
            if page == .thankYou { return [.finished] }
            overlay = .leave(leaveFocused: false)
            return []
        case .control:
            // Ctrl-Z, Ctrl-\ and the rest arrive as keys in raw mode: they do nothing here.
            return []
        case .function(1):
            openHelp()
            return []
        case .function(2):
            cycleLanguage()
            return []
        default:
            break
        }
        switch page {
        case .welcome: return welcomeKey(key)
        case .review: return reviewKey(key)
        case .confirm: return confirmKey(key)
        case .thankYou:
            return fromWheel ? [] : [.finished]
        case .step:
            guard let item = engine.currentItem else {
                switch key {
                case .enter, .character(" "), .pageDown: return commitAndNext()
                case .escape, .backspace, .pageUp: return goBack()
                case .character("?"): openHelp(); return []
                default: return []
                }
            }
            return stepKey(key, item: item, fromWheel: fromWheel)
        }
    }

    private mutating func handleOverlayKey(_ key: Key, overlay: WizardOverlay) -> [UIEffect] {
        switch overlay {
        case .help:
            switch key {
            case .up: helpScroll = max(0, helpScroll - 1)
            case .down: helpScroll += 1
            case .pageUp: helpScroll = max(0, helpScroll - 5)
            case .pageDown: helpScroll += 5
            default: self.overlay = nil
            }
            return []
        case .leave(let leaveFocused):
            switch key {
            case .left, .right, .tab, .backTab, .up, .down:
                self.overlay = .leave(leaveFocused: !leaveFocused)
                return []
            case .enter, .character(" "):
                return perform(leaveFocused ? .leave : .stay)
            case .escape, .control("c"), .backspace:
                self.overlay = nil
                return []
            default:
                return []
            }
        }
    }

    // MARK: Pages

    private mutating func welcomeKey(_ key: Key) -> [UIEffect] {
        let count = engine.questionnaire.metadata.languages.count
        switch key {
        case .up, .left, .backTab:
            return perform(.language(max(0, languageFocus - 1)))
        case .down, .right, .tab:
            return perform(.language(min(count - 1, languageFocus + 1)))
        case .character(let character):
            if character == "?" { openHelp(); return [] }
            if let digit = character.wholeNumberValue, (1...count).contains(digit) { return perform(.language(digit - 1)) }
            if character == " " { return startQuestions() }
            return []
        case .enter, .pageDown:
            return startQuestions()
        default:
            return []
        }
    }

    var reviewFocusIndex: Int { min(reviewFocus, engine.reviewEntries.count) }

    private mutating func reviewKey(_ key: Key) -> [UIEffect] {
        let count = engine.reviewEntries.count
        let focus = reviewFocusIndex
        switch key {
        case .up: reviewFocus = max(0, focus - 1)
        case .down: reviewFocus = min(count, focus + 1)
        case .pageUp: reviewFocus = max(0, focus - 8)
        case .pageDown: reviewFocus = min(count, focus + 8)
        case .home: reviewFocus = 0
        case .end: reviewFocus = count
        case .tab: reviewFocus = focus == count ? 0 : count
        case .backTab: reviewFocus = focus == count ? max(0, count - 1) : count
        case .enter, .character(" "):
            return focus == count ? perform(.submit) : perform(.reviewEntry(focus))
        case .escape, .backspace:
            return goBack()
        case .character("?"):
            openHelp()
        default:
            break
        }
        return []
    }

    private mutating func confirmKey(_ key: Key) -> [UIEffect] {
        switch key {
        case .left, .right, .tab, .backTab, .up, .down:
            confirmSendFocused.toggle()
        case .enter, .character(" "):
            return perform(confirmSendFocused ? .confirmSend : .confirmBack)
        case .escape, .backspace:
            page = .review
        default:
            break
        }
        return []
    }

    // MARK: Questions

    private mutating func stepKey(_ key: Key, item: Item, fromWheel: Bool) -> [UIEffect] {
        var editor = editor(for: item)
        defer { if editors[item.id] == nil { editors[item.id] = editor } }
        switch item.kind {
        case .yesNo(let notSure):
            let choices: [YesNo] = notSure ? [.yes, .no, .notSure] : [.yes, .no]
            switch key {
            case .character(let character):
                let lower = Character(character.lowercased())
                if ["y", "j", "д"].contains(lower) { return perform(.option(0)) }
                if ["n", "н"].contains(lower) { return perform(.option(1)) }
                if let digit = character.wholeNumberValue, (1...choices.count).contains(digit) { return perform(.option(digit - 1)) }
                if character == " " { return perform(.option(editor.focus)) }
                if character == "?" { openHelp() }
                return []
            default:
                return listKey(key, count: choices.count, item: item, editor: &editor, fromWheel: fromWheel)
            }
        case .singleChoice(let options), .multipleChoice(let options):
            // Same keys for both lists; what choosing does (replace or toggle) is decided in WizardUI+Answers.swift.
            if case .character(let character) = key {
                if let index = OptionDigit.index(of: character, count: options.count) { return perform(.option(index)) }
                if character == " " { return perform(.option(editor.focus)) }
                if character == "?" { openHelp() }
                return []
            }
            return listKey(key, count: options.count, item: item, editor: &editor, fromWheel: fromWheel)
        case .bodyMap(let spec):
            if case .character(let character) = key {
                let lower = Character(character.lowercased())
                if let region = spec.regions.first(where: { $0.key == lower }) { return perform(.region(region.id)) }
                if character == " ", spec.regions.indices.contains(editor.focus) { return perform(.region(spec.regions[editor.focus].id)) }
                if character == "?" { openHelp() }
                return []
            }
            var mapped = key
            if key == .right { mapped = .down }
            if key == .left { mapped = .up }
            return listKey(mapped, count: spec.regions.count, item: item, editor: &editor, fromWheel: fromWheel)
        case .rating(let spec):
            return ratingKey(key, spec: spec, item: item, editor: &editor)
        case .integer, .decimal:
            return fieldKey(key, item: item, editor: &editor, limit: 12) { $0.isNumber || $0 == "," || $0 == "." || $0 == "-" }
        case .shortText(let spec), .longText(let spec):
            return fieldKey(key, item: item, editor: &editor, limit: spec.maxLength) { _ in true }
        case .date(let spec):
            return dateKey(key, spec: spec, item: item, editor: &editor)
        case .duration(let spec):
            return durationKey(key, spec: spec, item: item, editor: &editor)
        case .note:
            switch key {
            case .enter, .character(" "), .pageDown: return commitAndNext()
            case .escape, .backspace, .pageUp: return goBack()
            case .character("?"): openHelp(); return []
            default: return []
            }
        }
    }

    /// Arrows, Tab, Home/End and PgUp/PgDn move the focus in a list; Enter, Esc, Backspace as everywhere.
    private mutating func listKey(_ key: Key, count: Int, item: Item, editor: inout ItemEditor, fromWheel: Bool) -> [UIEffect] {
        var target: Int?
        switch key {
        case .up, .left, .backTab: target = editor.focus - 1
        case .down, .right, .tab: target = editor.focus + 1
        case .pageUp: target = editor.focus - 5
        case .pageDown: target = editor.focus + 5
        case .home: target = 0
        case .end: target = count - 1
        case .enter: return commitAndNext()
        case .escape, .backspace: return goBack()
        default: return []
        }
        if let target {
            editor.focus = min(max(0, target), max(0, count - 1))
            if !fromWheel { editor.touched = true }
            editors[item.id] = editor
        }
        return []
    }

    private mutating func ratingKey(_ key: Key, spec: RatingSpec, item: Item, editor: inout ItemEditor) -> [UIEffect] {
        let current = editor.ratingValue
        func move(_ value: Int) {
            editor.ratingValue = min(spec.maximum, max(spec.minimum, value))
            editor.lastDigit = nil
            editors[item.id] = editor
        }
        switch key {
        case .left, .down: move((current ?? spec.minimum + 1) - 1)
        case .right, .up: move((current ?? spec.minimum - 1) + 1)
        case .home: move(spec.minimum)
        case .end: move(spec.maximum)
        case .enter: return commitAndNext()
        case .escape, .backspace: return goBack()
        case .character(let character):
            if character == "?" { openHelp(); return [] }
            if character == " ", let current { return perform(.rating(current)) }
            guard let digit = character.wholeNumberValue else { return [] }
            var value = digit
            if editor.lastDigit == 1, digit == 0, spec.maximum >= 10 { value = 10 }
            guard value >= spec.minimum, value <= spec.maximum else { return [] }
            let effects = perform(.rating(value))
            editors[item.id]?.lastDigit = value == 10 ? nil : digit
            return effects
        default:
            break
        }
        return []
    }

    /// Text entry in the focused field. Backspace in an empty first field goes Back.
    private mutating func fieldKey(
        _ key: Key, item: Item, editor: inout ItemEditor, limit: Int, allowed: (Character) -> Bool
    ) -> [UIEffect] {
        if editor.fields.isEmpty { editor.fields = [TextField()] }
        let index = min(editor.focus, editor.fields.count - 1)
        var field = editor.fields[index]
        switch key {
        case .character(let character):
            guard allowed(character) else { return [] }
            field.insert(character, limit: limit)
        case .backspace:
            if !field.backspace() { return goBack() }
        case .delete: field.deleteForward()
        case .left: field.moveLeft()
        case .right: field.moveRight()
        case .home, .up: field.moveHome()
        case .end, .down: field.moveEnd()
        case .enter: return commitAndNext()
        case .escape: return goBack()
        default: return []
        }
        editor.fields[index] = field
        editor.problem = nil
        editors[item.id] = editor
        return []
    }

    private mutating func dateKey(_ key: Key, spec: DateSpec, item: Item, editor: inout ItemEditor) -> [UIEffect] {
        let fieldCount = editor.fields.count
        let stops = fieldCount + (spec.allowsUnknown ? 1 : 0)
        let limits = spec.precision == .day ? [2, 2, 4] : [2, 4]
        func focus(_ index: Int) {
            editor.focus = min(max(0, index), stops - 1)
            editors[item.id] = editor
        }
        if editor.focus >= fieldCount {
            // On "I don't remember".
            switch key {
            case .character(" "): return perform(.dontRemember)
            case .up, .left, .backTab, .backspace: focus(fieldCount - 1)
            case .tab, .down: focus(0)
            case .enter: return commitAndNext()
            case .escape: return goBack()
            case .character("?"): openHelp()
            default: break
            }
            return []
        }
        var field = editor.fields[editor.focus]
        switch key {
        case .character(let character):
            if character == "?" { openHelp(); return [] }
            guard character.isASCII, character.isNumber else {
                // A separator typed out of habit ("31.12.") moves to the next field.
                if [".", "/", "-", " "].contains(character), !field.isEmpty { focus(editor.focus + 1) }
                return []
            }
            guard field.insert(character, limit: limits[editor.focus]) else { return [] }
            editor.fields[editor.focus] = field
            editor.problem = nil
            if field.characters.count == limits[editor.focus], editor.focus + 1 < fieldCount {
                editor.focus += 1
            }
            editors[item.id] = editor
        case .backspace:
            if field.backspace() {
                editor.fields[editor.focus] = field
                editors[item.id] = editor
            } else if editor.focus > 0 {
                focus(editor.focus - 1)
            } else {
                return goBack()
            }
        case .delete:
            field.deleteForward()
            editor.fields[editor.focus] = field
            editors[item.id] = editor
        case .left:
            if field.cursor == 0 { focus(editor.focus - 1) } else { field.moveLeft(); editor.fields[editor.focus] = field; editors[item.id] = editor }
        case .right:
            if field.cursor == field.characters.count { focus(editor.focus + 1) } else { field.moveRight(); editor.fields[editor.focus] = field; editors[item.id] = editor }
        case .tab: focus(editor.focus + 1 < stops ? editor.focus + 1 : 0)
        case .backTab: focus(editor.focus > 0 ? editor.focus - 1 : stops - 1)
        case .down: if spec.allowsUnknown { focus(fieldCount) }
        case .home: field.moveHome(); editor.fields[editor.focus] = field; editors[item.id] = editor
        case .end: field.moveEnd(); editor.fields[editor.focus] = field; editors[item.id] = editor
        case .enter: return commitAndNext()
        case .escape: return goBack()
        default: break
        }
        return []
    }

    private mutating func durationKey(_ key: Key, spec: DurationSpec, item: Item, editor: inout ItemEditor) -> [UIEffect] {
        let stops = spec.allowsUnknown ? 3 : 2
        func focus(_ index: Int) {
            editor.focus = (index + stops) % stops
            editors[item.id] = editor
        }
        switch editor.focus {
        case 0:
            switch key {
            case .tab, .down: focus(1); return []
            case .backTab: focus(stops - 1); return []
            case .character(let character) where character == " " && !(editor.focusedField?.isEmpty ?? true):
                focus(1); return []
            case .character("?"): openHelp(); return []
            default:
                return fieldKey(key, item: item, editor: &editor, limit: 6) { $0.isNumber || $0 == "," || $0 == "." }
            }
        case 1:
            switch key {
            case .left:
                return perform(.unit(max(0, (editor.unitIndex ?? 1) - 1)))
            case .right:
                return perform(.unit(min(spec.units.count - 1, (editor.unitIndex ?? -1) + 1)))
            case .character(let character):
                if character == "?" { openHelp(); return [] }
                if let digit = character.wholeNumberValue, (1...spec.units.count).contains(digit) { return perform(.unit(digit - 1)) }
                return []
            case .tab, .down: focus(2 % stops)
            case .backTab, .up: focus(0)
            case .backspace: focus(0)
            case .enter: return commitAndNext()
            case .escape: return goBack()
            default: break
            }
        default:
            switch key {
            case .character(" "): return perform(.dontRemember)
            case .character("?"): openHelp()
            case .tab, .down: focus(0)
            case .backTab, .up, .backspace: focus(1)
            case .enter: return commitAndNext()
            case .escape: return goBack()
            default: break
            }
        }
        return []
    }
}
