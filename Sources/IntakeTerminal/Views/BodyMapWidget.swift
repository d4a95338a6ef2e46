import IntakeCore

/// The body map: front and back figures with region letters and a legend beside them,
/// or only the legend as a checklist on small or ASCII-only terminals.
enum BodyMapWidget {
    /// Figures need a Unicode-capable terminal of at least 70x22; otherwise a checklist.
    static func usesFigure(_ item: Item, ui: WizardUI, size: Size) -> Bool {
        guard case .bodyMap = item.kind else { return false }
        return ui.glyphs == .unicode && size.width >= 70 && size.height >= 22
    }

    static func draw(
        item: Item, spec: BodyMapSpec, answer: Answer?, editor: ItemEditor, ui: WizardUI, in rect: Rect, size: Size,
        into frame: inout WizardFrame
    ) {
        let chosen: Set<String> = if case .regions(let ids)? = answer { Set(ids) } else { [] }
        let focusedID = spec.regions.indices.contains(editor.focus) ? spec.regions[editor.focus].id : nil
        var legend = rect
        if usesFigure(item, ui: ui, size: size), rect.height >= BodyFigure.height {
            let titled = rect.height > BodyFigure.height
            let top = rect.y + (titled ? 1 : 0)
            let front = spec.regions.filter { $0.view == .front }
            let back = spec.regions.filter { $0.view == .back }
            if titled {
                frame.buffer.put(ui.text(.front), in: Rect(x: rect.x, y: rect.y, width: BodyFigure.width, height: 1), alignment: .center, style: .title)
                frame.buffer.put(ui.text(.backView), in: Rect(x: rect.x + BodyFigure.width + 2, y: rect.y, width: BodyFigure.width, height: 1), alignment: .center, style: .title)
            }
            BodyFigure.draw(BodyFigure.front, at: Point(x: rect.x, y: top), regions: front, chosen: chosen, focused: focusedID, into: &frame.buffer)
            BodyFigure.draw(BodyFigure.back, at: Point(x: rect.x + BodyFigure.width + 2, y: top), regions: back, chosen: chosen, focused: focusedID, into: &frame.buffer)
            let used = 2 * BodyFigure.width + 4
            legend = Rect(x: rect.x + used, y: rect.y, width: rect.width - used, height: rect.height)
        }
        // The legend / checklist: headings Front and Back, a row per offered region.
        var rows: [ListRow] = []
        var focusRow: Int?
        var lastView: BodyRegion.View?
        for (index, region) in spec.regions.enumerated() {
            if region.view != lastView {
                rows.append(ListRow(pieces: [(region.view == .front ? ui.text(.front) : ui.text(.backView), .title)], action: nil, focusable: false))
                lastView = region.view
            }
            let on = chosen.contains(region.id)
            if index == editor.focus { focusRow = rows.count }
            rows.append(ListRow(
                pieces: [(on ? ui.glyphs.checkboxOn : ui.glyphs.checkboxOff, on ? .selected : .normal),
                         (" " + String(region.key) + "  ", .accent), (ui.text(region.label), on ? .selected : .normal)],
                action: .region(region.id)))
        }
        frame.listTop = ListView.draw(rows, focus: focusRow, scrollHint: editor.scroll, in: legend, into: &frame.buffer)
    }
}
