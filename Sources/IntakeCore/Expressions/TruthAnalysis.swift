/// Static reasoning about whether a condition can ever hold, so the loader can warn
/// about a `when` that hides a question forever or a flag that can never fire.
///
/// Conservative by design: "can be true" is the answer whenever the analysis is unsure.
enum TruthAnalysis {
    /// The value of `node` when it does not depend on any answer, else nil.
    /// Partial knowledge counts: `x and false` is `false`, `x + null` is `null`.
    static func fold(_ node: ExpressionNode) -> Value? {
        switch node {
        case .literal(let value):
            return value
        case .name, .answered, .optionScore, .today, .external:
            return nil
        case .negate(let x):
            return fold(x).map { ExpressionEvaluator<NoAnswers>.constant.evaluate(.negate(.literal($0))) }
        case .not(let x):
            return fold(x).map { ExpressionEvaluator<NoAnswers>.constant.evaluate(.not(.literal($0))) }
        case .and(let l, let r), .or(let l, let r):
            let isAnd: Bool
            if case .and = node { isAnd = true } else { isAnd = false }
            let decisive = Value.bool(!isAnd)
            let left = fold(l)
            let right = fold(r)
            if left == decisive || right == decisive { return decisive }
            guard let left, let right else { return nil }
            let literal = isAnd ? ExpressionNode.and(.literal(left), .literal(right)) : .or(.literal(left), .literal(right))
            return ExpressionEvaluator<NoAnswers>.constant.evaluate(literal)
        case .arithmetic(_, let l, let r), .comparison(_, let l, let r), .membership(let l, let r):
            let left = fold(l)
            let right = fold(r)
            // Every one of these operators gives null when an operand is null.
            if left == .null || right == .null { return .null }
            guard let left, let right else { return nil }
            return ExpressionEvaluator<NoAnswers>.constant.evaluate(node.replacingOperands(.literal(left), .literal(right)))
        case .list(let elements):
            var values: [Value] = []
            for element in elements {
                guard let value = fold(element) else { return nil }
                values.append(value)
            }
            return .list(values)
        case .call(.if, let arguments) where arguments.count == 3:
            guard let condition = fold(arguments[0]) else { return nil }
            return fold(condition.isTrue ? arguments[1] : arguments[2])
        case .call(let function, let arguments):
            var values: [Value] = []
            for argument in arguments {
                guard let value = fold(argument) else { return nil }
                values.append(value)
            }
            return ExpressionEvaluator<NoAnswers>.constant.evaluate(.call(function, values.map(ExpressionNode.literal)))
        }
    }

    static func canBeTrue(_ node: ExpressionNode) -> Bool {
        if let value = fold(node) { return value.isTrue }
        switch node {
        case .and(let l, let r):
            return canBeTrue(l) && canBeTrue(r) && !hasContradictoryEqualities(node)
        case .or(let l, let r):
            return canBeTrue(l) || canBeTrue(r)
        case .not(let x):
            return canBeFalse(x)
        case .call(.if, let arguments) where arguments.count == 3:
            return (canBeTrue(arguments[0]) && canBeTrue(arguments[1])) || canBeTrue(arguments[2])
        case .call(.coalesce, let arguments):
            return arguments.contains(where: canBeTrue)
        default:
            return true
        }
    }

    static func canBeFalse(_ node: ExpressionNode) -> Bool {
        if let value = fold(node) { return value == .bool(false) }
        switch node {
        case .and(let l, let r):
            return canBeFalse(l) || canBeFalse(r)
        case .or(let l, let r):
            return canBeFalse(l) && canBeFalse(r)
        case .not(let x):
            return canBeTrue(x)
        case .call(.if, let arguments) where arguments.count == 3:
            return (canBeTrue(arguments[0]) && canBeFalse(arguments[1])) || canBeFalse(arguments[2])
        case .call(.coalesce, let arguments):
            return arguments.contains(where: canBeFalse)
        default:
            return true
        }
    }

    /// `sex == 'male' and sex == 'female'`: one answer cannot equal two different values.
    static func hasContradictoryEqualities(_ node: ExpressionNode) -> Bool {
        var required: [String: Value] = [:]
        var pending = [node]
        while let next = pending.popLast() {
            switch next {
            case .and(let l, let r):
                pending.append(l)
                pending.append(r)
            case .comparison(.equal, .name(let name, _), .literal(let value)),
                 .comparison(.equal, .literal(let value), .name(let name, _)):
                guard !value.isNull else { continue }
                if let earlier = required[name] {
                    if ValueOperations.equal(earlier, value) == false { return true }
                } else {
                    required[name] = value
                }
            default:
                continue
            }
        }
        return false
    }
}

extension ExpressionNode {
    /// The same binary operation on new operands.
    fileprivate func replacingOperands(_ l: ExpressionNode, _ r: ExpressionNode) -> ExpressionNode {
        switch self {
        case .arithmetic(let op, _, _): .arithmetic(op, l, r)
        case .comparison(let op, _, _): .comparison(op, l, r)
        case .membership: .membership(l, r)
        case .and: .and(l, r)
        case .or: .or(l, r)
        default: self
        }
    }
}

extension ExpressionEvaluator<NoAnswers> {
    /// An evaluator for constant subexpressions: they never ask the environment anything.
    static var constant: ExpressionEvaluator { ExpressionEvaluator(environment: NoAnswers()) }
}

/// The environment of constant folding: no answers, and no "today" worth relying on
/// (expressions using `today()` are never folded).
struct NoAnswers: EvaluationEnvironment {
    func value(of name: String) -> Value { .null }
    func isAnswered(_ name: String) -> Bool { false }
    func optionScore(item: String, option: String) -> Double? { nil }
    var today: PartialDate { PartialDate(year: 2000, month: 1, day: 1) }
}
