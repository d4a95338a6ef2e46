extension ScreenBuffer {
    /// The cells to send to the terminal to turn `previous` into this buffer, row by row.
    ///
    /// Only cells that differ are listed, so moving a selection costs a few cells, not a
    /// screen (bytes per keystroke matter on slow serial lines). A changed continuation
    /// is reported as its wide character's lead cell; continuations are never listed.
    /// With no previous buffer, or one of another size, every lead cell is listed.
    public func changedCells(since previous: ScreenBuffer?) -> [Point] {
        var points: [Point] = []
        let comparable = previous.map { $0.size == size } ?? false
        for y in 0..<height {
            let current = row(y)
            let before = comparable ? previous?.row(y) : nil
            var lastAdded = -1
            for x in 0..<width {
                let cell = current[current.startIndex + x]
                if let before, before[before.startIndex + x] == cell { continue }
                let lead = cell.isContinuation ? x - 1 : x
                if lead >= 0, lead > lastAdded {
                    points.append(Point(x: lead, y: y))
                    lastAdded = lead
                }
            }
        }
        return points
    }
}
