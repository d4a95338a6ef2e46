import Testing
@testable import IntakeCore

/// Mistakes in `when`, `validate`, scores and flags, found when the file is loaded.
@Suite struct LoaderExpressionDiagnosticsTests {
    static let items = minimalHead + """
    sections:
      - id: s
        title: S
        items:
          - id: sex
            type: single_choice
            text: Sex?
            options: [{id: female, label: Female}, {id: male, label: Male}]
          - {id: fever, type: yes_no, text: Fever?}

    """

    @Test func unknownItemInWhen() {
        expectDiagnostics(Self.items + """
          - id: s2
            title: S2
            items:
              - {id: temp, type: decimal, text: Temperature?, when: "1️⃣fevr"}
        """, [(1, .error, "unknown item or score 'fevr'; did you mean 'fever'?")])
    }

    @Test func unknownOptionInWhen() {
        expectDiagnostics(Self.items + """
          - id: s2
            title: S2
            items:
              - {id: pregnant, type: yes_no, text: Pregnant?, when: "sex == 1️⃣'femal'"}
        """, [(1, .error, "'femal' is not an option of 'sex'; did you mean 'female'?")])
    }

    @Test func whenThatLooksAhead() {
        expectDiagnostics(minimalHead + """
        sections:
          - id: s
            title: S
            items:
              - {id: temp, type: decimal, text: Temperature?, when: "1️⃣fever"}
              - {id: fever, type: yes_no, text: Fever?}
        """, [(1, .error, "item 'temp' uses 'fever', which comes later in the questionnaire")])
    }

    @Test func whenThatReadsItself() {
        expectDiagnostics(minimalHead + """
        sections:
          - id: s
            title: S
            items:
              - {id: fever, type: yes_no, text: Fever?, when: "not 1️⃣fever"}
        """, [(1, .error, "item 'fever' refers to itself")])
    }

    @Test func scoreThatUsesALaterScore() {
        expectDiagnostics(Self.items + """
        scores:
          - {id: a, label: A, value: "1️⃣b + 1"}
          - {id: b, label: B, value: "if(fever, 1, 0)"}
        """, [(1, .error, "score 'a' uses score 'b', which is defined after it")])
    }

    @Test func whenThatGivesANumber() {
        let result = QuestionnaireLoader.load(yaml: Self.items + """
          - id: s2
            title: S2
            items:
              - {id: temp, type: decimal, text: Temperature?, when: "1 + 2"}
        """, file: "t.yaml")
        #expect(result.errors.count == 1)
        #expect(result.errors.first?.message.contains("yes/no condition") == true)
    }

    @Test func unreachableItemIsAWarning() {
        expectDiagnostics(Self.items + """
          - id: s2
            title: S2
            items:
              - {id: odd, type: yes_no, text: Odd?, when: "1️⃣sex == 'male' and sex == 'female'"}
        """, [(1, .warning, "this 'when' can never be true, so 'odd' is never asked")])
    }

    @Test func reservedWordsCannotBeIds() {
        expectDiagnostics(minimalHead + """
        sections:
          - id: s
            title: S
            items:
              - {id: 1️⃣and, type: yes_no, text: And?}
        """, [(1, .error, "'and' is not a valid id: use letters, digits and '_', starting with a letter")])
    }

    @Test func flagSeverityMustBeKnown() {
        expectDiagnostics(Self.items + """
        flags:
          - {id: f, severity: 1️⃣urgnet, when: fever, staff: Fever, patient: Tell us}
        """, [(1, .error, "severity must be one of urgent, soon, info; did you mean 'urgent'?")])
    }

    @Test func summaryMustNameRealItems() {
        expectDiagnostics(Self.items + """
        summary:
          name_item: 1️⃣nmae
        """, [(1, .error, "unknown item 'nmae'")])
    }
}
