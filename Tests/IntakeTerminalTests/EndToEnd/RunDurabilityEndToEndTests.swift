import Foundation
import IntakeCore
import Testing

/// End-to-end durability of `intake run` on a real pseudo-terminal (tmux): `kill -9`
/// after each acknowledged answer, restart, continue, and the session is exactly as it
/// was; two instances on one folder; a submitted intake leaves exactly its three files.
@Suite(
    .serialized,
    .enabled(if: TmuxSession.isAvailable, "tmux is not installed (make test installs it)"),
    .enabled(if: TmuxSession.intakeBinary != nil, "intake binary not built: run `swift build` first or set INTAKE_BINARY")
)
struct RunDurabilityEndToEndTests {
    static var binary: String { TmuxSession.intakeBinary ?? "intake" }
    static var questionnaire: String { WizardFixtures.root.appendingPathComponent("Tests/IntakeTerminalTests/Fixtures/eight.yaml").path }
    static let words = ["one", "two", "three", "four", "five", "six", "seven", "eight"]

    static func freshFolder() -> String {
        NSTemporaryDirectory() + "/run-durability-\(UUID().uuidString.prefix(8))"
    }

    /// `intake run` itself as the pane's process (so its pid is the pane's pid).
    static func start(_ out: String) throws -> TmuxSession {
        try TmuxSession(command: "\"\(binary)\" run \"\(questionnaire)\" --out \"\(out)\"")
    }

    /// The answer to question `index` (1-based) and the keys that give it.
    static func answer(_ index: Int) -> (keys: String, json: Any) {
        if index % 2 == 1 { return ("ans-\(index)", "ans-\(index)") }
        return index % 4 == 2 ? ("y", true) : ("n", false)
    }

    /// What the screen shows once answer `index` is acknowledged: the next question or the review.
    static func nextScreen(after index: Int) -> String {
        index < words.count ? "Question \(words[index]) (" : "Check your answers"
    }

    static func answerQuestion(_ index: Int, _ tmux: TmuxSession) throws {
        try tmux.waitFor(text: "Question \(words[index - 1]) (")
        try tmux.sendText(answer(index).keys)
        if index % 2 == 1 { try tmux.waitFor(text: answer(index).keys) }
        try tmux.sendKeys("Enter")
        try tmux.waitFor(text: nextScreen(after: index))
    }

    /// Review → confirmation → send; returns the result JSON's answers.
    static func submit(_ tmux: TmuxSession, out: String) throws -> [String: Any] {
        try tmux.waitFor(text: "Check your answers")
        // The review page opens with Submit focused.
        try tmux.sendKeys("Enter")
        try tmux.waitFor(text: "Ready to send?")
        try tmux.sendKeys("Enter")
        try tmux.waitFor(text: "Thank you")
        let names = try FileManager.default.contentsOfDirectory(atPath: out)
        let result = try #require(names.first { $0.hasSuffix(".result.json") })
        let data = try Data(contentsOf: URL(fileURLWithPath: out + "/" + result))
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        return object["answers"] as? [String: Any] ?? [:]
    }

    static func same(_ actual: [String: Any], upTo k: Int) -> Bool {
        guard actual.count == k else { return false }
        for index in 1...max(1, k) where k > 0 {
            let expected = answer(index).json
            switch (expected, actual["q\(index)"]) {
            case (let e as String, let a as String) where e == a: continue
            case (let e as Bool, let a as Bool) where e == a: continue
            default: return false
            }
        }
        return true
    }

    @Test func killNineAfterEveryAnswerResumesExactly() throws {
        var exact = 0
        var failures: [String] = []
        for k in 1...Self.words.count {
            let out = Self.freshFolder()
            defer { try? FileManager.default.removeItem(atPath: out) }
            do {
                let first = try Self.start(out)
                try first.waitFor(text: "Start")
                try first.sendKeys("Enter")
                for index in 1...k { try Self.answerQuestion(index, first) }
                // Answer k is acknowledged (the next screen shows): crash without warning.
                let pid = try first.pid()
                #expect(Foundation.kill(pid, SIGKILL) == 0)
                _ = try first.waitForExit()
                first.kill()

                let second = try Self.start(out)
                defer { second.kill() }
                try second.waitFor(text: "Continue where you left off?")
                try second.sendKeys("Enter")
                let screen = try second.waitFor(text: Self.nextScreen(after: k))
                var resumedAtNext = screen.contains { $0.contains(Self.nextScreen(after: k)) }
                // Through the remaining questions without answering them.
                for index in (k + 1)..<(Self.words.count + 1) where k < Self.words.count {
                    try second.waitFor(text: "Question \(Self.words[index - 1]) (")
                    try second.sendKeys("Enter")
                    try second.waitFor(text: Self.nextScreen(after: index))
                }
                let answers = try Self.submit(second, out: out)
                resumedAtNext = resumedAtNext && Self.same(answers, upTo: k)
                if resumedAtNext { exact += 1 } else { failures.append("k=\(k): \(answers)") }
            } catch {
                failures.append("k=\(k): \(error)")
            }
        }
        print("crash test: \(exact) / \(Self.words.count) resumes exact")
        #expect(exact == Self.words.count, "\(failures)")
    }

    @Test func aSecondInstanceOnTheSameFolderRefuses() throws {
        let out = Self.freshFolder()
        defer { try? FileManager.default.removeItem(atPath: out) }
        let first = try Self.start(out)
        defer { first.kill() }
        try first.waitFor(text: "Start")
        let pid = try first.pid()
        let second = try TmuxSession(command: "sh -c '\"\(Self.binary)\" run \"\(Self.questionnaire)\" --out \"\(out)\"; echo EXIT=$?; sleep 60'")
        defer { second.kill() }
        let screen = try second.waitFor(text: "EXIT=")
        #expect(screen.contains { $0.contains("another intake is running on this folder (pid \(pid))") })
        #expect(screen.contains { $0.contains("EXIT=3") })
        // The first one is untouched.
        #expect(try first.pid() == pid)
        #expect(try !first.isDead())
    }

    @Test func aSubmittedIntakeLeavesExactlyThreeFilesAndNoJournal() throws {
        let out = Self.freshFolder()
        defer { try? FileManager.default.removeItem(atPath: out) }
        let tmux = try Self.start(out)
        defer { tmux.kill() }
        try tmux.waitFor(text: "Start")
        try tmux.sendKeys("Enter")
        for index in 1...Self.words.count { try Self.answerQuestion(index, tmux) }
        let answers = try Self.submit(tmux, out: out)
        #expect(Self.same(answers, upTo: Self.words.count))
        Thread.sleep(forTimeInterval: 1.7)  // the thank-you screen ignores keys for 1.5 s
        try tmux.sendKeys("Enter")
        #expect(try tmux.waitForExit() == 0)

        let names = try FileManager.default.contentsOfDirectory(atPath: out).sorted()
        let visible = names.filter { !$0.hasPrefix(".") }
        #expect(visible.count == 3)
        #expect(visible.contains { $0.hasSuffix(".summary.txt") })
        #expect(visible.contains { $0.hasSuffix(".response.json") })
        #expect(visible.contains { $0.hasSuffix(".result.json") })
        // No journal, no temporary files, no lock file.
        #expect(names.filter { $0.hasPrefix(".") } == [])
        #expect(names.count == 3)
        for name in names {
            var info = stat()
            #expect(stat(out + "/" + name, &info) == 0)
            #expect(info.st_mode & 0o777 == 0o600, "\(name)")
        }
        var folder = stat()
        #expect(stat(out, &folder) == 0)
        #expect(folder.st_mode & 0o777 == 0o700)
    }

    /// Plain mode through a pipe: `intake run --plain` with `input` on standard input.
    static func runPlain(_ out: String, input: String) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = ["run", questionnaire, "--out", out, "--plain"]
        let stdin = Pipe()
        let stdout = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stdout
        try process.run()
        stdin.fileHandleForWriting.write(Data(input.utf8))
        try stdin.fileHandleForWriting.close()
        let data = stdout.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    @Test func plainModeKeepsTheDraftWhenInputEndsAndOffersToContinue() throws {
        let out = Self.freshFolder()
        defer { try? FileManager.default.removeItem(atPath: out) }
        // Three answers, then the input ends.
        let first = try Self.runPlain(out, input: "ans-1\n1\nans-3\n")
        #expect(first.status == 3)
        #expect(FileManager.default.fileExists(atPath: out + "/" + DraftStore.journalName))
        // Continue (1), skip the rest, submit (s) and confirm (y).
        let second = try Self.runPlain(out, input: "1\n\n\n\n\n\ns\ny\n")
        #expect(second.status == 0, "\(second.output)")
        #expect(second.output.contains("Continue where you left off?"))
        let names = try FileManager.default.contentsOfDirectory(atPath: out)
        #expect(!names.contains(DraftStore.journalName))
        let result = try #require(names.first { $0.hasSuffix(".result.json") })
        let data = try Data(contentsOf: URL(fileURLWithPath: out + "/" + result))
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let answers = object["answers"] as? [String: Any] ?? [:]
        #expect(answers["q1"] as? String == "ans-1")
        #expect(answers["q2"] as? Bool == true)
        #expect(answers["q3"] as? String == "ans-3")
        #expect(answers.count == 3)
    }

    /// Runs a program (mount, umount, dd); returns its exit status.
    @discardableResult
    static func system(_ arguments: [String]) -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return -1 }
        process.waitUntilExit()
        return process.terminationStatus
    }

    /// Whether this test may mount a small tmpfs (root in a container usually may).
    static let canMountTmpfs: Bool = {
        let probe = NSTemporaryDirectory() + "/tmpfs-probe-\(getpid())"
        try? FileManager.default.createDirectory(atPath: probe, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: probe) }
        guard system(["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", probe]) == 0 else { return false }
        system(["umount", probe])
        return true
    }()

    @Test(.enabled(if: canMountTmpfs, "needs permission to mount a tmpfs"))
    func aFullDiskShowsTheFrontDeskTextAndKeepsTheDraft() throws {
        let mountPoint = Self.freshFolder()
        try FileManager.default.createDirectory(atPath: mountPoint, withIntermediateDirectories: true)
        #expect(Self.system(["mount", "-t", "tmpfs", "-o", "size=128k", "tmpfs", mountPoint]) == 0)
        defer {
            Self.system(["umount", mountPoint])
            try? FileManager.default.removeItem(atPath: mountPoint)
        }
        let out = mountPoint + "/out"
        let tmux = try TmuxSession(command: "sh -c '\"\(Self.binary)\" run \"\(Self.questionnaire)\" --out \"\(out)\"; echo EXIT=$?; sleep 60'")
        defer { tmux.kill() }
        try tmux.waitFor(text: "Start")
        try tmux.sendKeys("Enter")
        try Self.answerQuestion(1, tmux)
        // Fill the device, then answer the next question.
        Self.system(["dd", "if=/dev/zero", "of=\(mountPoint)/filler", "bs=4096"])
        // Change the answer until a record no longer fits (the journal's last page has room
        // for a few records first).
        var screen: [String] = []
        for index in 0..<200 {
            try tmux.sendText(index % 2 == 0 ? "y" : "n")
            Thread.sleep(forTimeInterval: 0.03)
            screen = try tmux.capture()
            if screen.contains(where: { $0.contains("EXIT=") }) { break }
        }
        screen = try tmux.waitFor(text: "EXIT=")
        #expect(screen.contains { $0.contains("EXIT=3") })
        #expect(screen.joined(separator: " ").contains("Please ask the front desk for help."))
        #expect(screen.joined(separator: " ").contains("no space left"))
        try FileManager.default.removeItem(atPath: mountPoint + "/filler")
        let draft = try #require(try DraftStore(folder: out).load())
        #expect(draft.answers["q1"] == .string("ans-1"))
        #expect(draft.answers["q2"] == nil || draft.answers["q2"] == .bool(true) || draft.answers["q2"] == .bool(false))
        #expect(draft.ignoredTailBytes == 0)
    }
}
