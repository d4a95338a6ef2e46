/// Computes the value of a checked expression from the current answers.
///
/// It never traps: anything without a meaningful result (an unanswered item, a division
/// by zero, an overflow) becomes `null`, and `null` spreads by the rules in
/// docs/expressions.md. Recursion depth is bounded by the parser's caps.
///
/// Generic over the environment, not holding `any EvaluationEnvironment`: the engine and
/// the scorer each have one concrete environment, and a specialised evaluator reads their
/// answers with direct calls instead of copying an existential box at every expression
/// (a batch summary evaluates about 150 expressions).
struct ExpressionEvaluator<Environment: EvaluationEnvironment> {
    let environment: Environment

    func evaluate(_ node: ExpressionNode) -> Value {
        switch node {
        case .literal(let value):
            return value
        case .name(let name, let slot):
            guard let slot else { return environment.value(of: name) }
            return environment.value(at: slot, named: name)
        case .negate(let operand):
            guard case .number(let n) = evaluate(operand) else { return .null }
            return .finite(-n)
        case .not(let operand):
            guard case .bool(let b) = evaluate(operand) else { return .null }
            return .bool(!b)
        case .and(let lhs, let rhs):
            // Kleene logic: a known `false` decides, whatever the other side is.
            let left = evaluate(lhs)
            if left == .bool(false) { return left }
            let right = evaluate(rhs)
            if right == .bool(false) { return right }
            return left == .bool(true) && right == .bool(true) ? .bool(true) : .null
        case .or(let lhs, let rhs):
            let left = evaluate(lhs)
            if left == .bool(true) { return left }
            let right = evaluate(rhs)
            if right == .bool(true) { return right }
            return left == .bool(false) && right == .bool(false) ? .bool(false) : .null
        case .arithmetic(let op, let lhs, let rhs):
            return ValueOperations.arithmetic(op, evaluate(lhs), evaluate(rhs))
        case .comparison(let op, let lhs, let rhs):
            return ValueOperations.compare(op, evaluate(lhs), evaluate(rhs))
        case .membership(let element, let collection):
            return ValueOperations.membership(evaluate(element), in: evaluate(collection))
        case .list(let elements):
            return .list(elements.map(evaluate))
        case .answered(let name):
            return .bool(environment.isAnswered(name))
        case .optionScore(let name):
            return optionScore(of: name)
        case .today:
            return .date(environment.today)
        case .call(let function, let arguments):
            return call(function, arguments)
        case .external(let expression):
            return expression.evaluate(in: environment)
        }
    }

    // MARK: - Functions

    private func optionScore(of name: String) -> Value {
        switch environment.value(of: name) {
        case .choice(let option):
            return environment.optionScore(item: name, option: option).map(Value.finite) ?? .null
        case .set(let options):
            // Options without a score add nothing, like nulls in sum().
            return .finite(options.compactMap { environment.optionScore(item: name, option: $0) }.reduce(0, +))
        default:
            return .null
        }
    }

    private func call(_ function: BuiltinFunction, _ argumentNodes: [ExpressionNode]) -> Value {
        // `if` and `coalesce` evaluate lazily; every other function takes evaluated arguments.
        switch function {
        case .if:
            guard argumentNodes.count == 3 else { return .null }
            return evaluate(argumentNodes[0]).isTrue ? evaluate(argumentNodes[1]) : evaluate(argumentNodes[2])
        case .coalesce:
            for node in argumentNodes {
                let value = evaluate(node)
                if !value.isNull { return value }
            }
            return .null
        default:
            return ValueOperations.apply(function, argumentNodes.map(evaluate), today: environment.today)
        }
    }
}

extension Value {
    /// A number, or null when it is NaN or infinite: such values have no clinical meaning.
    static func finite(_ number: Double) -> Value {
        number.isFinite ? .number(number) : .null
    }

    /// The text of a text value or the option id of a choice, which compare with each other.
    var identifier: String? {
        switch self {
        case .text(let t): t
        case .choice(let c): c
        default: nil
        }
    }
}
