import Foundation
import Testing
@testable import IntakeCore

/// One marked fixture per kind of mistake an author can make; each asserts the exact
/// message and where it points.
@Suite struct LoaderDiagnosticsTests {
    @Test func yamlSyntaxErrorPointsAtTheProblem() {
        expectDiagnostics(minimalHead + """
        sections:
          - id: a
            title: "unclosed
        1️⃣
        """, [(1, .error, "YAML syntax: found unexpected end of stream")])
    }

    @Test func unknownKeySuggestsTheClosest() {
        expectDiagnostics(minimalHead + """
        sections:
          - id: s
            title: S
            items:
              - id: fever
                type: yes_no
                text: Fever?
                1️⃣requried: true
        """, [(1, .error, "unknown key 'requried' in item 'fever'; did you mean 'required'?")])
    }

    @Test func missingKeyIsNamed() {
        expectDiagnostics(minimalHead + """
        sections:
          - id: s
            title: S
            items:
              - 1️⃣id: fever
                type: yes_no
        """, [(1, .error, "item 'fever' has no 'text'")])
    }

    @Test func wrongValueForBoolean() {
        expectDiagnostics(minimalHead + """
        sections:
          - id: s
            title: S
            items:
              - id: fever
                type: yes_no
                text: Fever?
                required: 1️⃣sometimes
        """, [(1, .error, "'required' must be true or false")])
    }

    @Test func duplicateIdsAcrossKinds() {
        expectDiagnostics(minimalHead + """
        sections:
          - id: fever
            title: S
            items:
              - id: 1️⃣fever
                type: yes_no
                text: Fever?
        """, [(1, .error, "duplicate id 'fever' (already the id of a section), first used at line 6")])
    }

    @Test func duplicateOptionIds() {
        expectDiagnostics(minimalHead + """
        sections:
          - id: s
            title: S
            items:
              - id: sex
                type: single_choice
                text: Sex?
                options:
                  - {id: female, label: Female}
                  - {id: 1️⃣female, label: Woman}
        """, [(1, .error, "duplicate option id 'female' in 'sex' (first used at line 13)")])
    }

    @Test func emptyOptionList() {
        expectDiagnostics(minimalHead + """
        sections:
          - id: s
            title: S
            items:
              - id: sex
                type: single_choice
                text: Sex?
                options: 1️⃣[]
        """, [(1, .error, "'sex' has no options")])
    }

    @Test func minimumAboveMaximum() {
        expectDiagnostics(minimalHead + """
        sections:
          - id: s
            title: S
            items:
              - id: weight
                type: decimal
                text: Weight?
                min: 1️⃣300
                max: 20
        """, [(1, .error, "'min' (300) is greater than 'max' (20)")])
    }

    @Test func unknownItemTypeSuggests() {
        expectDiagnostics(minimalHead + """
        sections:
          - id: s
            title: S
            items:
              - id: weight
                type: 1️⃣decimel
                text: Weight?
        """, [(1, .error, "unknown item type 'decimel'; did you mean 'decimal'?")])
    }

    @Test func unknownBodyRegionSuggests() {
        expectDiagnostics(minimalHead + """
        sections:
          - id: s
            title: S
            items:
              - id: where
                type: body_map
                text: Where?
                regions: [eyelids, 1️⃣elbow]
        """, [(1, .error, "unknown body region 'elbow'; did you mean 'elbows'?")])
    }

    @Test func missingTranslationIsAWarning() {
        expectDiagnostics("""
        questionnaire: test
        version: "1"
        title: {en: Test, de: Test}
        languages: [en, de]
        sections:
          - id: s
            title: {en: S, de: S}
            items:
              - id: fever
                type: yes_no
                text: 1️⃣{en: Fever?}
        """, [(1, .warning, "missing 'de' translation; 'en' is shown instead")])
    }

    @Test func textInAnUnlistedLanguage() {
        expectDiagnostics(minimalHead + """
        sections:
          - id: s
            title: {en: S, 1️⃣fr: S}
            items:
              - {id: fever, type: yes_no, text: Fever?}
        """, [(1, .error, "'fr' is not one of the file's languages (en)")])
    }

    @Test func anchorsAndAliasesAreRefused() {
        expectDiagnostics(minimalHead + """
        sections:
          - id: s
            title: 1️⃣&t S
            items:
              - {id: fever, type: yes_no, text: *t}
        """, [(1, .error, "YAML anchors and aliases are not allowed")])
    }

    @Test func controlCharactersInTextAreRefused() {
        expectDiagnostics(minimalHead + "sections:\n  - id: s\n    title: \"S1️⃣\u{202E}x\"\n", [
            (1, .error, "text contains a control character (U+202E); remove it"),
        ])
    }

    @Test func escapeCharacterIsRefused() {
        expectDiagnostics(minimalHead + "sections: []\n# 1️⃣\u{1B}[2J\n", [
            (1, .error, "text contains a control character (U+001B); remove it"),
        ])
    }

    @Test func invalidUTF8IsRefusedWithItsOffset() {
        var bytes = Array((minimalHead + "sections: []\n").utf8)
        bytes.insert(0xFF, at: 10)
        var diagnostics: [Diagnostic] = []
        let source = SourceText.check(bytes: bytes, file: "bad.yaml", diagnostics: &diagnostics)
        #expect(source == nil)
        #expect(diagnostics.map(\.description) == ["bad.yaml:1:11: error: file is not valid UTF-8 (byte 0xFF at offset 10)"])
    }

    @Test func nestingBeyondTheCapIsRefused() {
        let deep = String(repeating: "[", count: 100) + String(repeating: "]", count: 100)
        let result = QuestionnaireLoader.load(yaml: minimalHead + "sections: " + deep + "\n", file: "deep.yaml")
        #expect(result.diagnostics.map(\.message) == ["nested deeper than 64 levels"])
    }

    @Test func filesOverTheSizeCapAreRefusedBeforeParsing() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("intake-size-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("big.yaml").path
        try Data(repeating: UInt8(ascii: "#"), count: 5 * 1024 * 1024).write(to: URL(fileURLWithPath: path))
        let result = QuestionnaireLoader.load(path: path)
        #expect(result.diagnostics.map(\.message) == ["file is 5.0 MiB; questionnaires are limited to 4 MiB"])
    }

    @Test func aliasBombIsRefusedQuickly() {
        let bomb = """
        a: &a ["x","x","x","x","x","x","x","x","x"]
        b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
        c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
        d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
        e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
        f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
        g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
        h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]
        i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]
        """
        let result = QuestionnaireLoader.load(yaml: bomb, file: "bomb.yaml")
        #expect(result.questionnaire == nil)
        #expect(result.diagnostics.first?.message == "YAML anchors and aliases are not allowed")
        #expect(result.diagnostics.count <= SourceLimits.maximumRepeatedDiagnostics)
    }

    @Test func allProblemsAreReportedInOneRun() {
        let result = QuestionnaireLoader.load(yaml: minimalHead + """
        sections:
          - id: s
            title: S
            colour: red
            items:
              - {id: a, type: yes_no, text: A?, requird: true}
              - {id: a, type: yes_no, text: B?}
        """, file: "many.yaml")
        #expect(result.errors.count == 3)
    }
}
