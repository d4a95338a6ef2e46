import Testing
@testable import IntakeCore

/// For each operator and behaviour in enableWhen-test.R4.json: an answer that enables the
/// item and one that does not.
@Suite struct FHIREnableWhenTests {
    enum Given: Sendable, CustomStringConvertible {
        case nothing
        case yes, no
        case number(Double)
        case date(String)
        case text(String)
        case options([String])

        var description: String {
            switch self {
            case .nothing: "no answer"
            case .yes: "yes"
            case .no: "no"
            case .number(let n): "\(n)"
            case .date(let d): d
            case .text(let t): "'\(t)'"
            case .options(let o): "\(o)"
            }
        }
    }

    struct Case: Sendable, CustomStringConvertible {
        var item: String
        var question: String
        var enabling: Given
        var disabling: Given
        var description: String { "\(item): \(enabling) enables, \(disabling) does not" }
    }

    static let cases: [Case] = [
        Case(item: "Q1-exists", question: "Q1", enabling: .yes, disabling: .nothing),
        Case(item: "Q1-not-exists", question: "Q1", enabling: .nothing, disabling: .no),
        Case(item: "Q1-true", question: "Q1", enabling: .yes, disabling: .no),
        Case(item: "Q1-false", question: "Q1", enabling: .no, disabling: .yes),
        Case(item: "Q1-not-true", question: "Q1", enabling: .no, disabling: .yes),
        Case(item: "Q2-exists", question: "Q2", enabling: .number(1), disabling: .nothing),
        Case(item: "Q2-not-exists", question: "Q2", enabling: .nothing, disabling: .number(1)),
        Case(item: "Q2-equal", question: "Q2", enabling: .number(5.6), disabling: .number(5.5)),
        Case(item: "Q2-ge", question: "Q2", enabling: .number(4.8), disabling: .number(4.7)),
        Case(item: "Q3-exists", question: "Q3", enabling: .number(0), disabling: .nothing),
        Case(item: "Q3-not-exists", question: "Q3", enabling: .nothing, disabling: .number(0)),
        Case(item: "Q3-equal", question: "Q3", enabling: .number(5), disabling: .number(4)),
        Case(item: "Q3-ge", question: "Q3", enabling: .number(4), disabling: .number(3)),
        Case(item: "Q4-exists", question: "Q4", enabling: .date("2020-01-01"), disabling: .nothing),
        Case(item: "Q4-not-exists", question: "Q4", enabling: .nothing, disabling: .date("2020-01-01")),
        Case(item: "Q4-equal", question: "Q4", enabling: .date("2020-05-01"), disabling: .date("2020-05-02")),
        Case(item: "Q4-ge", question: "Q4", enabling: .date("2020-05-02"), disabling: .date("2020-04-30")),
        Case(item: "Q5-exists", question: "Q5", enabling: .date("2021-03-04"), disabling: .nothing),
        Case(item: "Q5-not-exists", question: "Q5", enabling: .nothing, disabling: .date("2021-03-04")),
        Case(item: "Q6-exists", question: "Q6", enabling: .text("10:30"), disabling: .nothing),
        Case(item: "Q6-not-exists", question: "Q6", enabling: .nothing, disabling: .text("10:30")),
        Case(item: "Q7-exists", question: "Q7", enabling: .text("x"), disabling: .nothing),
        Case(item: "Q7-not-exists", question: "Q7", enabling: .nothing, disabling: .text("x")),
        Case(item: "Q7-equals", question: "Q7", enabling: .text("test"), disabling: .text("tes")),
        Case(item: "Q7-notequals", question: "Q7", enabling: .text("tes"), disabling: .text("test")),
        Case(item: "Q7-gt", question: "Q7", enabling: .text("test"), disabling: .text("tes")),
        Case(item: "Q7-ge", question: "Q7", enabling: .text("test"), disabling: .text("tes")),
        Case(item: "Q7-ge2", question: "Q7", enabling: .text("tes"), disabling: .text("te")),
        Case(item: "Q7-lt", question: "Q7", enabling: .text("testz"), disabling: .text("testing")),
        Case(item: "Q7-le", question: "Q7", enabling: .text("tes"), disabling: .text("test")),
        Case(item: "Q7-le2", question: "Q7", enabling: .text("testing"), disabling: .text("testz")),
        Case(item: "Q8-exists", question: "Q8", enabling: .options(["A"]), disabling: .nothing),
        Case(item: "Q8-not-exists", question: "Q8", enabling: .nothing, disabling: .options(["A"])),
        Case(item: "Q8-eq-B", question: "Q8", enabling: .options(["A", "B"]), disabling: .options(["A", "C"])),
        Case(item: "Q8-eq-B-and-C", question: "Q8", enabling: .options(["B", "C"]), disabling: .options(["B"])),
        Case(item: "Q9-exists", question: "Q9", enabling: .options(["A"]), disabling: .nothing),
        Case(item: "Q9-not-exists", question: "Q9", enabling: .nothing, disabling: .options(["A"])),
        Case(item: "Q9-eq-B", question: "Q9", enabling: .options(["B"]), disabling: .options(["A"])),
        Case(item: "Q9-noteq-B", question: "Q9", enabling: .options(["C"]), disabling: .options(["B"])),
        Case(item: "Q9a-exists", question: "Q9a", enabling: .options(["A"]), disabling: .nothing),
        Case(item: "Q9a-not-exists", question: "Q9a", enabling: .nothing, disabling: .options(["A"])),
        Case(item: "Q9a-eq-B", question: "Q9a", enabling: .options(["B"]), disabling: .options(["A"])),
        Case(item: "Q9a-noteq-B", question: "Q9a", enabling: .options(["A"]), disabling: .options(["B"])),
        Case(item: "Q9b-exists", question: "Q9b", enabling: .options(["12"]), disabling: .nothing),
        Case(item: "Q9b-not-exists", question: "Q9b", enabling: .nothing, disabling: .options(["12"])),
        Case(item: "Q9b-eq-B", question: "Q9b", enabling: .options(["34"]), disabling: .options(["56"])),
        Case(item: "Q9b-noteq-B", question: "Q9b", enabling: .options(["12"]), disabling: .options(["34"])),
        Case(item: "Q9c-exists", question: "Q9c", enabling: .options(["2022"]), disabling: .nothing),
        Case(item: "Q9c-not-exists", question: "Q9c", enabling: .nothing, disabling: .options(["2022"])),
        Case(item: "Q9c-eq-B", question: "Q9c", enabling: .options(["2022-09"]), disabling: .options(["2022-09-20"])),
        Case(item: "Q9c-noteq-B", question: "Q9c", enabling: .options(["2022"]), disabling: .options(["2022-09"])),
        Case(item: "Q9d-exists", question: "Q9d", enabling: .options(["10:30:00"]), disabling: .nothing),
        Case(item: "Q9d-not-exists", question: "Q9d", enabling: .nothing, disabling: .options(["10:30:00"])),
        Case(item: "Q9d-eq-B", question: "Q9d", enabling: .options(["13:30:00"]), disabling: .options(["23:59:59"])),
        Case(item: "Q9d-noteq-B", question: "Q9d", enabling: .options(["23:59:59"]), disabling: .options(["13:30:00"])),
    ]

    static func answer(_ given: Given, for question: String, in q: Questionnaire) throws -> Answer? {
        let item = try #require(q.item(linkID: question))
        switch given {
        case .nothing: return nil
        case .yes: return .yesNo(.yes)
        case .no: return .yesNo(.no)
        case .number(let n): return .number(n)
        case .date(let d): return .date(try #require(PartialDate(iso: d)))
        case .text(let t): return .text(t)
        case .options(let codes):
            let ids = try codes.map { try #require(q.optionID(linkID: question, code: $0), "no option \($0) in \(question)") }
            if case .multipleChoice = item.kind { return .choices(ids) }
            return .choice(try #require(ids.first))
        }
    }

    @Test(arguments: cases)
    func enablesAndDisables(_ test: Case) throws {
        let q = try loadFHIRFixture("enableWhen-test.R4.json")
        let target = try #require(q.item(linkID: test.item))
        for (given, expected) in [(test.enabling, true), (test.disabling, false)] {
            let answers = try Self.answer(given, for: test.question, in: q).map { [(test.question, $0)] } ?? []
            let (wizard, problems) = try fill(q, answers)
            #expect(problems.isEmpty, "\(problems)")
            #expect(wizard.isVisible(target.id) == expected, "\(test.item) with \(test.question) = \(given)")
        }
    }

    @Test func enableWhenExpressionConcatenatesTwoAnswers() throws {
        let q = try loadFHIRFixture("enableWhen-test.R4.json")
        let target = try #require(q.item(linkID: "Q10-ewe"))
        #expect(target.when?.references == [q.item(linkID: "Q10")!.id, q.item(linkID: "Q10b")!.id])
        let (on, _) = try fill(q, [("Q10", .text("chic")), ("Q10b", .text("ken"))])
        #expect(on.isVisible(target.id))
        let (off, _) = try fill(q, [("Q10", .text("chic")), ("Q10b", .text("kens"))])
        #expect(!off.isVisible(target.id))
        let (empty, _) = try fill(q, [])
        #expect(!empty.isVisible(target.id))
    }

    @Test func answeringAHiddenItemIsAProblem() throws {
        let q = try loadFHIRFixture("enableWhen-test.R4.json")
        let (_, problems) = try fill(q, [("Q1", .yesNo(.no)), ("Q1-true", .text("x"))])
        #expect(problems.map(\.item) == [q.item(linkID: "Q1-true")!.id])
    }

    /// FHIR allows an enableWhen to refer to a later item; the engine follows it both ways.
    @Test func forwardReferencesWork() throws {
        let json = """
        {"resourceType": "Questionnaire", "status": "draft", "item": [
          {"linkId": "later-dependent", "type": "string", "text": "Asked when b is yes",
           "enableWhen": [{"question": "b", "operator": "=", "answerBoolean": true}]},
          {"linkId": "b", "type": "boolean", "text": "B?"}
        ]}
        """
        let result = loadFHIR(json)
        #expect(result.errors.isEmpty, "\(result.errors)")
        let q = try #require(result.questionnaire)
        let (on, problems) = try fill(q, [("b", .yesNo(.yes)), ("later-dependent", .text("x"))])
        #expect(problems.isEmpty, "\(problems)")
        #expect(on.isVisible("later_dependent"))
        let (off, _) = try fill(q, [("b", .yesNo(.no))])
        #expect(!off.isVisible("later_dependent"))
    }
}
