import ArgumentParser
import PropertyBased
import Testing
@testable import intake

/// `intake run` and `intake kiosk` skip swift-argument-parser for plain command lines
/// (``QuickCommandLine``). Whatever the quick way accepts, the full parser must parse to
/// the same command; whatever it declines goes to the full parser, which gives its own
/// help and errors.
@Suite struct QuickCommandLineTests {
    /// Everything `intake run` was told, as text, for comparing two parses.
    static func fields(_ settings: RunSettings) -> [String] {
        [settings.file, settings.out, settings.lang ?? "<nil>", "\(settings.plain)", settings.theme.rawValue,
         "\(settings.maxBytes)", settings.cache.cacheDir ?? "<nil>", "\(settings.cache.noCache)"]
    }

    static func fields(_ command: RunCommand) -> [String] { fields(command.settings) }

    static func fields(_ command: KioskCommand) -> [String] {
        [command.config, "\(command.check)", command.idleTimeout.map { "\($0)" } ?? "<nil>",
         command.countdown.map { "\($0)" } ?? "<nil>", command.resumeWindowSeconds.map { "\($0)" } ?? "<nil>",
         command.cache.cacheDir ?? "<nil>", "\(command.cache.noCache)"]
    }

    static let everyday: [[String]] = [
        ["Questionnaires/dermatomyositis.yaml"],
        ["q.yaml", "--out", "intake-output"],
        ["q.yaml", "--plain", "--lang", "de", "--out", "/tmp/x", "--no-cache"],
        ["--lang=ru", "q.yaml", "--theme", "high-contrast"],
        ["q.yaml", "--theme=monochrome", "--cache-dir", "/var/cache/intake", "--max-bytes", "100000000"],
        ["bench/ten-options.yaml", "--out", "out dir with spaces", "--cache-dir=c"],
    ]

    @Test(arguments: everyday)
    func everydayRunLinesAreTakenTheQuickWayAndMeanWhatTheFullParserSays(_ arguments: [String]) throws {
        let quick = try #require(QuickCommandLine.run(arguments))
        let full = try RunCommand.parseAsRoot(arguments)
        let parsed = try #require(full as? RunCommand)
        #expect(Self.fields(quick) == Self.fields(parsed))
    }

    static let kioskLines: [[String]] = [
        [],
        ["--config", "/etc/intake/kiosk.yaml"],
        ["--config=/tmp/k.yaml", "--idle-timeout", "5", "--countdown", "3", "--resume-window-seconds", "60"],
        ["--check", "--config", "k.yaml"],
        ["--cache-dir", "/var/cache/intake", "--no-cache"],
    ]

    @Test(arguments: kioskLines)
    func kioskLinesAreTakenTheQuickWayAndMeanWhatTheFullParserSays(_ arguments: [String]) throws {
        let quick = try #require(QuickCommandLine.kiosk(arguments))
        let parsed = try #require(try KioskCommand.parseAsRoot(arguments) as? KioskCommand)
        #expect(Self.fields(quick) == Self.fields(parsed))
    }

    static let declined: [[String]] = [
        [], ["a.yaml", "b.yaml"], ["--help"], ["a.yaml", "-h"], ["a.yaml", "--"], ["a.yaml", "--bogus"],
        ["a.yaml", "--plain", "--plain"], ["a.yaml", "--out", "x", "--out", "y"], ["a.yaml", "--out"],
        ["a.yaml", "--out", "--plain"], ["a.yaml", "--theme", "pink"], ["a.yaml", "--max-bytes", "lots"],
        ["a.yaml", "--plain=yes"], ["a.yaml", "--lang="], ["-"], ["a.yaml", "--generate-completion-script", "bash"],
    ]

    @Test(arguments: declined)
    func anythingElseGoesToTheFullParser(_ arguments: [String]) {
        #expect(QuickCommandLine.run(arguments) == nil)
    }

    @Test func onlyRunAndKioskHaveAQuickWay() {
        #expect(QuickCommandLine.parse(["validate", "q.yaml"]) == nil)
        #expect(QuickCommandLine.parse([]) == nil)
        guard case .run(let settings)? = QuickCommandLine.parse(["run", "q.yaml"]) else {
            Issue.record("run is taken the quick way")
            return
        }
        #expect(settings.file == "q.yaml")
        guard case .kiosk? = QuickCommandLine.parse(["kiosk"]) else {
            Issue.record("kiosk is taken the quick way")
            return
        }
    }

    /// Words command lines are made of, right and wrong.
    static let vocabulary = [
        "q.yaml", "x", "de", "7", "-3", "", "--out", "--out=o", "--lang", "--lang=en", "--plain", "--theme",
        "high-contrast", "--theme=default", "pink", "--max-bytes", "--max-bytes=12", "--cache-dir", "--no-cache",
        "--config", "--check", "--idle-timeout", "--countdown=2", "--resume-window-seconds", "--help", "-h", "--",
        "--bogus", "--plain=1",
    ]

    @Test func whateverTheQuickWayAcceptsTheFullParserParsesTheSame() async {
        let lines = Gen.int(in: 0...(Self.vocabulary.count - 1)).array(of: 0...7).map { $0.map { Self.vocabulary[$0] } }
        await propertyCheck(count: 3000, input: lines) { arguments in
            if let quick = QuickCommandLine.run(arguments) {
                let full = try? RunCommand.parseAsRoot(arguments) as? RunCommand
                #expect(full.map(Self.fields) == Self.fields(quick), "\(arguments)")
            }
            if let quick = QuickCommandLine.kiosk(arguments) {
                let full = try? KioskCommand.parseAsRoot(arguments) as? KioskCommand
                #expect(full.map(Self.fields) == Self.fields(quick), "\(arguments)")
            }
        }
    }
}
