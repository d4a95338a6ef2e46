import Testing
@testable import IntakeTerminal
