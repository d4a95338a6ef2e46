import ArgumentParser
import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif
import IntakeCore

struct FillCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fill",
        abstract: "Answer a questionnaire from a JSON file, without a terminal, and write the summary, FHIR and result files.",
        discussion: """
        ANSWERS.json is {"answers": {"<item id>": <value>}}: true/false or "not_sure", a number, an option id, \
        a list of option ids, "YYYY-MM-DD" or "YYYY-MM" (or "unknown"), {"amount": 3, "unit": "months"}, text, \
        or a list of body region ids. Every invalid value, unknown id, answer to a hidden item, missing required \
        answer and failed rule is reported, naming the item.

        Writes <UTC time>-<id>.summary.txt, .response.json (FHIR R4 QuestionnaireResponse) and .result.json \
        into the output folder (created with mode 0700; files 0600) and prints their paths. See docs/outputs.md.
        """
    )

    @Argument(help: "A questionnaire file.")
    var file: String

    @Option(help: "The answers (JSON).")
    var answers: String

    @Option(help: "Output folder.")
    var out: String = "intake-output"

    @Option(help: "Language code of the patient.")
    var lang: String?

    @Option(help: "Language code of the clinic: headings, labels and staff messages (default en).")
    var clinicLang: String = "en"

    @Option(help: "Summary width in columns: 80, or 40 for receipt printers.")
    var width: Int = 80

    func validate() throws {
        guard width == 80 || width == 40 else { throw ValidationError("--width must be 80 or 40") }
    }

    func run() throws {
        let questionnaire = try loadQuestionnaire(file, showWarnings: false)
        let language = try chooseLanguage(lang, for: questionnaire)
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
        let outputs = IntakeOutputs(wizard: wizard, language: language, clinicLanguage: clinicLang, width: width, submitted: .now())
        do {
            for path in try outputs.write(into: out) { print(path) }
        } catch {
            printError("error: \(error)")
            throw ExitStatus.inputOutput
        }
    }
}
