import Foundation
import Testing
@testable import IntakeCore

let fhirpathpyAvailable: Bool = (try? FHIRPathDifferentialTests.python(["-c", "import fhirpathpy"]).status) == 0

/// Differential tests: every FHIRPath expression of the fixtures (variables, calculated and
/// enableWhen expressions) and a set of extra expressions are evaluated by this program and by
/// fhirpathpy (the reference, via Tests/fhir/fhirpath_diff.py) on the same responses, built
/// from answer sets through the engine. Skipped when python3 or fhirpathpy is missing
/// (`make test` installs it: scripts/install-python-test-deps.sh).
@Suite(.enabled(if: fhirpathpyAvailable, "needs python3 with fhirpathpy"))
struct FHIRPathDifferentialTests {
    static let script = repositoryRoot.appendingPathComponent("Tests/fhir/fhirpath_diff.py").path


    static func python(_ arguments: [String]) throws -> (status: Int32, output: Data) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3"] + arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, data)
    }

    struct Case {
        var id: String
        var computation: FHIRPathComputation
        var values: (String) -> Value
    }

    static func computations(in expression: CompiledExpression?) -> [FHIRPathComputation] {
        guard let expression, case .external(let external) = expression.root else { return [] }
        if let computation = external as? FHIRPathComputation { return [computation] }
        if let all = external as? FHIRAllOf { return all.parts.flatMap { computations(in: $0) } }
        return []
    }

    /// One case per variable (with the variables before it) and one for the expression itself.
    static func cases(_ name: String, _ questionnaire: Questionnaire, _ wizard: Wizard) -> [Case] {
        let environment = AnswerEnvironment(wizard: wizard)
        let values: (String) -> Value = { environment.value(of: $0) }
        let all = questionnaire.items.flatMap { computations(in: $0.when) } + questionnaire.scores.flatMap { computations(in: $0.expression) }
        var result: [Case] = []
        for (n, computation) in all.enumerated() {
            for k in computation.variables.indices {
                var prefix = computation
                prefix.variables = Array(computation.variables[..<k])
                prefix.expression = computation.variables[k].expression
                result.append(Case(id: "\(name) #\(n) %\(computation.variables[k].name)", computation: prefix, values: values))
            }
            result.append(Case(id: "\(name) #\(n) \(computation.expression.source)", computation: computation, values: values))
        }
        return result
    }

    static let extraExpressions = [
        "%resource.item.count()",
        "%resource.item.where(linkId='/44250-9').answer.value.code",
        "%resource.item.answer.valueCoding.where(code='LA6571-9').count()",
        "%questionnaire.item.answerOption.extension.where(url='http://hl7.org/fhir/StructureDefinition/ordinalValue').valueDecimal.count()",
        // (sum() over elements fails in fhirpathpy 2.2: 'int' + 'ResourceNode'; covered by FHIRPathTests.)
        "iif(%resource.item.exists(), 'yes', 'no') & '!'",
        "%questionnaire.item.where(type='choice').count() > 5 and %questionnaire.item.first().required",
        "(%questionnaire.item.count() * 2 - 1) / 4",
        "%questionnaire.item.where(linkId='/44261-6').extension.where(url='http://hl7.org/fhir/StructureDefinition/questionnaire-unit').value.display",
        "%questionnaire.item.extension('http://hl7.org/fhir/StructureDefinition/questionnaire-itemControl').count()",
        "{}.exists().not()",
        "%resource.item.answer.value.code.first() != 'x'",
        "(22.14159).round(2)",
        "%questionnaire.title.empty() or %questionnaire.status = 'draft'",
        "-%questionnaire.item.count() + 3",
        "%resource.item.answer.value.first()",
        "%resource.item.select(linkId & ':' & answer.value.code).last()",
        "%questionnaire.item[2].linkId",
        "%resource.item.where(linkId='/44251-7').answer.value = %resource.item.where(linkId='/44252-5').answer.value",
        "%questionnaire.item.text.where($this < 'G').count()",
        "'a' + 'b' = 'ab' and 1 + 2 >= 3 and 2.5 * 2 <= 5 and 7 / 2 = 3.5",
        "%questionnaire.item.where(required).exists(linkId = '/44253-3')",
        "%resource.item.answer.value.code.where($this = 'nothing').empty() and ({} = 1).empty()",
    ]

    static func allCases() throws -> [Case] {
        var cases: [Case] = []
        let phq = try loadFHIRFixture("phq9.json")
        let codes = FHIRFixtureTests.phq9Codes
        let phqSets: [[Int?]] = [[1, 2, 3, 0, 1, 2, 3, 0, 1], [3, nil, nil, 2, nil, nil, nil, nil, 0], Array(repeating: nil, count: 9)]
        for (s, set) in phqSets.enumerated() {
            let answers = zip(FHIRFixtureTests.phq9Items, set).compactMap { linkID, score in
                score.map { (linkID, Answer.choice(phq.optionID(linkID: linkID, code: codes[$0])!)) }
            }
            let (wizard, _) = try fill(phq, answers)
            cases += Self.cases("phq9 set \(s)", phq, wizard)
            let environment = AnswerEnvironment(wizard: wizard)
            let all = computations(in: phq.scores.first?.expression)
            guard let template = all.first else { Issue.record("no computation"); return [] }
            for (e, text) in extraExpressions.enumerated() {
                var computation = template
                computation.variables = []
                computation.expression = try FHIRPathExpression.compile(text, known: [], rootPathsAllowed: true)
                cases.append(Case(id: "phq9 set \(s) extra \(e): \(text)", computation: computation, values: { environment.value(of: $0) }))
            }
        }
        let apgar = try loadFHIRFixture("apgar-with-itemWeight-variable.json")
        for (s, picks) in [[2, 1, 2, 0, 1], [0, 0, 1]].enumerated() {
            let answers = zip(FHIRFixtureTests.apgarItems, picks).map { ($0, Answer.choice(apgar.item(linkID: $0)!.options[$1].id)) }
            let (wizard, _) = try fill(apgar, answers)
            cases += Self.cases("apgar set \(s)", apgar, wizard)
        }
        let bmi = try loadFHIRFixture("weightHeightQuestionnaire.json")
        for (s, answers) in [[("/29463-7", Answer.number(70)), ("/8302-2", .number(70))], [("/29463-7", .number(81.3))], []].enumerated() {
            let (wizard, _) = try fill(bmi, answers)
            cases += Self.cases("bmi set \(s)", bmi, wizard)
        }
        let ew = try loadFHIRFixture("enableWhen-test.R4.json")
        for (s, answers) in [[("Q10", Answer.text("chic")), ("Q10b", .text("ken"))], [("Q10", .text("chicken"))], []].enumerated() {
            let (wizard, _) = try fill(ew, answers)
            cases += Self.cases("enableWhen set \(s)", ew, wizard)
        }
        return cases
    }

    static func json(_ value: FPValue) -> Any {
        switch value {
        case .bool(let b): return b
        case .number(let n, _): return n
        case .string(let s): return s
        case .object(let node): return (try? JSONSerialization.jsonObject(with: Data(node.description.utf8))) ?? node.description
        }
    }

    static func same(_ a: Any, _ b: Any) -> Bool {
        if let x = a as? Bool { return ((b as? [String: Any])?["__bool__"] as? NSNumber)?.boolValue == x }
        if b is [String: Any], (b as? [String: Any])?["__bool__"] != nil { return false }
        if let x = a as? Double, let y = (b as? NSNumber)?.doubleValue { return abs(x - y) <= 1e-9 * max(1, abs(x)) }
        if let x = a as? String, let y = b as? String { return x == y }
        if let x = a as? NSDictionary, let y = b as? NSDictionary { return x.isEqual(y) }
        return false
    }

    @Test func agreesWithFHIRPathPy() throws {
        let cases = try Self.allCases()
        #expect(cases.count > 60)
        var payload: [JSONNode] = []
        for c in cases {
            payload.append(.object([
                ("id", .string(c.id)),
                ("resource", FHIRResponseBuilder.response(c.computation.binding, value: c.values)),
                ("questionnaire", c.computation.questionnaire),
                ("variables", .array(c.computation.variables.map { .array([.string($0.name), .string($0.expression.source)]) })),
                ("expression", .string(c.computation.expression.source)),
            ]))
        }
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("fhirpath-diff-\(ProcessInfo.processInfo.processIdentifier).json")
        try JSONWriter.write(.array(payload), pretty: false).write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        let (status, output) = try Self.python([Self.script, file.path])
        #expect(status == 0)
        let reference = try #require(try JSONSerialization.jsonObject(with: output) as? [[String: Any]])
        #expect(reference.count == cases.count)
        var compared = 0
        for (c, expected) in zip(cases, reference) {
            let ours = c.computation.evaluateCollection(in: c.values)
            if let error = expected["error"] {
                #expect(ours == nil, "\(c.id): reference failed (\(error)) but we gave \(ours.map { $0.map(Self.json) } ?? [])")
                continue
            }
            let theirs = try #require(expected["result"] as? [Any], "\(c.id)")
            guard let ours else {
                Issue.record("\(c.id): we failed, the reference gave \(theirs)")
                continue
            }
            let mine = ours.map(Self.json)
            #expect(mine.count == theirs.count && zip(mine, theirs).allSatisfy { Self.same($0, $1) }, "\(c.id): ours \(mine), reference \(theirs)")
            compared += 1
        }
        #expect(compared == cases.count)
    }
}
