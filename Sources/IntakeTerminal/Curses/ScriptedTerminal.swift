/// A fake terminal for unit tests: plays a list of events and records what was shown.
///
/// `.resize` events change ``size`` as they are delivered, like the real terminal.
/// When the script runs out, every further call returns `.endOfInput`, so a loop under
/// test always ends.
public final class ScriptedTerminal: Terminal {
    public private(set) var size: Size
    public let capabilities: TerminalCapabilities
    /// Events not yet delivered.
    public private(set) var pendingEvents: [TerminalEvent]
    /// Every buffer passed to `present`, in order.
    public private(set) var presented: [ScreenBuffer] = []
    /// The cursor passed with each presented buffer.
    public private(set) var cursors: [Point?] = []
    /// The timeout asked for by each `nextEvent` call.
    public private(set) var requestedTimeouts: [Duration?] = []
    public private(set) var isClosed = false

    public init(size: Size = Size(width: 80, height: 24), capabilities: TerminalCapabilities = .full, events: [TerminalEvent]) {
        self.size = size
        self.capabilities = capabilities
        self.pendingEvents = events
    }

    /// The last buffer presented, if any.
    public var lastPresented: ScreenBuffer? { presented.last }

    public func present(_ buffer: ScreenBuffer, cursor: Point?) {
        presented.append(buffer)
        cursors.append(cursor)
    }

    public func nextEvent(timeout: Duration?) -> TerminalEvent {
        requestedTimeouts.append(timeout)
        guard !isClosed, !pendingEvents.isEmpty else { return .endOfInput }
        let event = pendingEvents.removeFirst()
        if case .resize(let newSize) = event { size = newSize }
        return event
    }

    /// Adds events to the end of the script (e.g. after inspecting a screen).
    public func enqueue(_ events: TerminalEvent...) {
        pendingEvents.append(contentsOf: events)
    }

    public func close() { isClosed = true }
}
