import ArgumentParser
import IntakeCore

/// `intake run` and `intake kiosk` read from their command line without swift-argument-parser,
/// when the line is one of the plain forms a kiosk unit, a script or a person types.
///
/// Why: the argument parser learns a command's options by reflecting its property wrappers,
/// which costs the Swift runtime ~13 M instructions of first-time type and conformance
/// lookups (each a scan of every conformance record in the executable) before the first
/// screen: a third of the whole start-up (docs/performance.md). The same command, built
/// here from the same option names, starts without any of it.
///
/// `intake run` does not even make a `RunCommand` (its property wrappers alone cost ~0.7 M
/// instructions of such look-ups): the session runs from plain ``RunSettings``.
///
/// It only ever declines: anything but `--name value`, `--name=value`, the known flags and
/// plain positional arguments (help, `--`, short names, unknown or repeated options, a
/// value that looks like an option or does not convert) gives nil, and the full parser
/// then handles the line, so every message, usage line and exit code stays its own.
/// `QuickCommandLineTests` checks that whatever is accepted here is parsed the same way by
/// swift-argument-parser.
enum QuickCommandLine {
    /// A command line taken the quick way, ready to run.
    enum Command {
        /// `intake run`: its settings, without a `RunCommand` (see ``RunSettings``).
        case run(RunSettings)
        case kiosk(KioskCommand)

        func run() throws {
            switch self {
            case .run(let settings): try settings.run()
            case .kiosk(let command): try command.run()
            }
        }
    }

    /// The command for `arguments` (without the program name), or nil for the full parser.
    static func parse(_ arguments: [String]) -> Command? {
        guard let name = arguments.first else { return nil }
        let rest = Array(arguments.dropFirst())
        switch name {
        case "run": return run(rest).map(Command.run)
        case "kiosk": return kiosk(rest).map(Command.kiosk)
        default: return nil
        }
    }

    /// `intake run FILE [--out DIR] [--lang CODE] [--plain] [--theme NAME] [--max-bytes N]
    /// [--cache-dir DIR] [--no-cache]`.
    static func run(_ arguments: [String]) -> RunSettings? {
        guard let line = SimpleCommandLine(arguments, options: ["out", "lang", "theme", "max-bytes", "cache-dir"],
                                           flags: ["plain", "no-cache"]),
              line.positionals.count == 1 else { return nil }
        var settings = RunSettings(file: line.positionals[0])
        settings.out = line.options["out"] ?? RunCommand.defaultOut
        settings.lang = line.options["lang"]
        settings.plain = line.flags.contains("plain")
        guard let theme = line.options["theme"].map(RunCommand.ThemeOption.init(rawValue:)) ?? .default,
              let maxBytes = line.integer("max-bytes", default: SourceLimits.maximumFileBytes) else { return nil }
        settings.theme = theme
        settings.maxBytes = maxBytes
        settings.cache = line.cacheSettings
        return settings
    }

    /// `intake kiosk [--config FILE] [--check] [--idle-timeout N] [--countdown N]
    /// [--resume-window-seconds N] [--cache-dir DIR] [--no-cache]`.
    static func kiosk(_ arguments: [String]) -> KioskCommand? {
        guard let line = SimpleCommandLine(arguments, options: ["config", "idle-timeout", "countdown", "resume-window-seconds", "cache-dir"],
                                           flags: ["check", "no-cache"]),
              line.positionals.isEmpty,
              let idleTimeout = line.optionalInteger("idle-timeout"),
              let countdown = line.optionalInteger("countdown"),
              let resumeWindow = line.optionalInteger("resume-window-seconds") else { return nil }
        var command = KioskCommand()
        command.config = line.options["config"] ?? KioskCommand.defaultConfig
        command.check = line.flags.contains("check")
        command.idleTimeout = idleTimeout
        command.countdown = countdown
        command.resumeWindowSeconds = resumeWindow
        command.cache = line.cacheSettings.options
        return command
    }
}

/// A command line of long options with values, long flags and positional arguments, or
/// nil when it has anything else. Option and flag names are given without the dashes.
struct SimpleCommandLine {
    private(set) var positionals: [String] = []
    /// Options given, by name: pairs in order, not a dictionary (a handful; and the first
    /// `Dictionary<String, String>` of a process costs the runtime a scan of every conformance record).
    private(set) var options: Options = Options()
    private(set) var flags: [String] = []

    /// Option values by name.
    struct Options {
        private var pairs: [(name: String, value: String)] = []

        subscript(name: String) -> String? {
            get { pairs.first { $0.name == name }?.value }
            set {
                pairs.removeAll { $0.name == name }
                if let newValue { pairs.append((name, newValue)) }
            }
        }
    }

    /// Names are arrays, not sets: a handful, and a warm start need not set up `Set<String>`.
    init?(_ arguments: [String], options optionNames: [String], flags flagNames: [String]) {
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            index += 1
            guard argument.hasPrefix("-") else {
                positionals.append(argument)
                continue
            }
            guard argument.hasPrefix("--"), argument.count > 2 else { return nil }
            let body = argument.dropFirst(2)
            if let equals = body.firstIndex(of: "=") {
                let name = String(body[..<equals])
                let value = String(body[body.index(after: equals)...])
                guard optionNames.contains(name), options[name] == nil, Self.isPlainValue(value) else { return nil }
                options[name] = value
            } else if flagNames.contains(String(body)) {
                guard !flags.contains(String(body)) else { return nil }
                flags.append(String(body))
            } else {
                let name = String(body)
                guard optionNames.contains(name), options[name] == nil, index < arguments.count,
                      Self.isPlainValue(arguments[index]) else { return nil }
                options[name] = arguments[index]
                index += 1
            }
        }
    }

    /// A value the full parser takes as it is: not empty, not looking like an option.
    private static func isPlainValue(_ value: String) -> Bool {
        !value.isEmpty && !value.hasPrefix("-")
    }

    /// The option's integer, `default` when absent, nil when it is not a decimal integer.
    func integer(_ name: String, default fallback: Int) -> Int? {
        guard let text = options[name] else { return fallback }
        return Int(text)
    }

    /// `.some(nil)` when absent, `.some(n)` for a decimal integer, nil (decline) otherwise.
    func optionalInteger(_ name: String) -> Int?? {
        guard let text = options[name] else { return .some(nil) }
        return Int(text).map { .some($0) }
    }

    /// `--cache-dir` and `--no-cache`.
    var cacheSettings: CacheSettings {
        CacheSettings(cacheDir: options["cache-dir"], noCache: flags.contains("no-cache"))
    }
}
