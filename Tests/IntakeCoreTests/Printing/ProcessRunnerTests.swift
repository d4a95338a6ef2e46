import Testing
@testable import IntakeCore

/// `ProcessRunner` starts CUPS's `lp` and `lpstat`; these run real programs through it.
@Suite struct ProcessRunnerTests {
    let runner = ProcessRunner(searchPath: ["/usr/bin", "/bin"], environment: ["INTAKE_TEST_VALUE": "a b=c"])

    @Test func outputErrorsAndStatusComeBack() throws {
        let result = try #require(runner.run("sh", ["-c", "echo out; echo err >&2; exit 3"]))
        #expect(result.output == "out\n")
        #expect(result.errorOutput == "err\n")
        #expect(result.status == 3)
    }

    @Test func argumentsAreNeverParsedByAShell() throws {
        let result = try #require(runner.run("printf", ["%s|", "a b", "$HOME", ";true", "-x"]))
        #expect(result.output == "a b|$HOME|;true|-x|")
    }

    @Test func localeIsCAndOurVariablesAreAdded() throws {
        let result = try #require(runner.run("sh", ["-c", "echo \"$LC_ALL $LANG $INTAKE_TEST_VALUE\"; test -n \"$PATH\" && echo path"]))
        #expect(result.output == "C C a b=c\npath\n")
    }

    /// Both streams far beyond a pipe's 64 KiB: read together, neither can block the program.
    @Test func largeOutputOnBothStreamsDoesNotDeadlock() throws {
        let result = try #require(runner.run("sh", ["-c", "head -c 1000000 /dev/zero >&2; head -c 1500000 /dev/zero"]))
        #expect(result.output.utf8.count == 1_500_000)
        #expect(result.errorOutput.utf8.count == 1_000_000)
        #expect(result.status == 0)
    }

    /// Far more input than a socket buffer holds, fed while the output is read.
    @Test func inputArrivesExactly() throws {
        let input = (0..<3_000_000).map { UInt8(33 + $0 % 90) }
        let result = try #require(runner.run("cat", [], input: input))
        #expect(result.output == String(decoding: input, as: UTF8.self))
        #expect(result.status == 0)
    }

    /// A program that exits without reading its input must neither hang us nor kill us with SIGPIPE.
    @Test func programThatIgnoresItsInputEndsCleanly() throws {
        let result = try #require(runner.run("true", [], input: [UInt8](repeating: 65, count: 4_000_000)))
        #expect(result.status == 0)
    }

    @Test func withoutInputTheProgramReadsEndOfFile() throws {
        let result = try #require(runner.run("sh", ["-c", "wc -c"]))
        #expect(result.output.trimmingWhitespace() == "0")
    }

    @Test func aKilledProgramReportsItsSignal() throws {
        let result = try #require(runner.run("sh", ["-c", "kill -KILL $$"]))
        #expect(result.status == 9)
    }

    @Test func missingProgramIsNil() {
        #expect(runner.run("intake-no-such-program", []) == nil)
        #expect(runner.find("sh") == "/usr/bin/sh" || runner.find("sh") == "/bin/sh")
    }
}
