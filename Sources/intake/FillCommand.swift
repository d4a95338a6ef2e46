import ArgumentParser
import Foundation
import IntakeCore

struct FillCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fill",
        abstract: "Answer a questionnaire from a JSON file, without a terminal, through the same engine.",
        discussion: """
        ANSWERS.json is {"answers": {"<item id>": <value>}}: true/false or "not_sure", a number, an option id, \
        a list of option ids, "YYYY-MM-DD" or "YYYY-MM" (or "unknown"), {"amount": 3, "unit": "months"}, text, \
        or a list of body region ids. Every invalid value, unknown id, answer to a hidden item, missing required \
        answer and failed rule is reported, naming the item.
        """
    )

    @Argument(help: "A questionnaire file.")
    var file: String

    @Option(help: "The answers (JSON).")
    var answers: String

    @Option(help: "Output folder.")
    var out: String?

    @Option(help: "Language code of the patient.")
    var lang: String?

    func run() throws {
        let questionnaire = try loadQuestionnaire(file, showWarnings: false)
        _ = try chooseLanguage(lang, for: questionnaire)
        guard let data = FileManager.default.contents(atPath: answers) else {
            printError("error: cannot read the answers file '\(answers)'")
            throw ExitStatus.inputOutput
        }
        let (decoded, problems) = AnswerSet.decode(data, for: questionnaire)
        let (wizard, fillProblems) = NonInteractiveFill.run(questionnaire, answers: decoded, today: .today())
        let all = problems + fillProblems
        guard all.isEmpty else {
            for problem in all { printError("\(answers): error: \(problem)") }
            throw ExitStatus.invalidInput
        }
        let object = JSONValue.object(["answers": .object(wizard.answerMap.mapValues(AnswerSet.jsonValue(of:)))])
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        FileHandle.standardOutput.write(try encoder.encode(object))
        print()
    }
}
