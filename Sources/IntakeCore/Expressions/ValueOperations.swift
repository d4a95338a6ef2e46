/// The operators and built-in functions of the expression language on evaluated values:
/// pure, so the evaluator (``ExpressionEvaluator``), constant folding (``TruthAnalysis``)
/// and FHIRPath share them. The rules for `null` are those of docs/expressions.md.
enum ValueOperations {
    static func arithmetic(_ op: BinaryOperator, _ lhs: Value, _ rhs: Value) -> Value {
        guard case .number(let a) = lhs, case .number(let b) = rhs else { return .null }
        switch op {
        case .plus: return .finite(a + b)
        case .minus: return .finite(a - b)
        case .times: return .finite(a * b)
        case .divide: return b == 0 ? .null : .finite(a / b)
        default: return .null
        }
    }

    static func compare(_ op: BinaryOperator, _ lhs: Value, _ rhs: Value) -> Value {
        if lhs.isNull || rhs.isNull { return .null }
        switch op {
        case .equal: return equal(lhs, rhs).map(Value.bool) ?? .null
        case .notEqual: return equal(lhs, rhs).map { .bool(!$0) } ?? .null
        default: break
        }
        let order: (Double, Double)
        switch (lhs, rhs) {
        case (.number(let a), .number(let b)): order = (a, b)
        case (.date(let a), .date(let b)): order = (Double(a.ordinalDay), Double(b.ordinalDay))
        default: return .null
        }
        switch op {
        case .less: return .bool(order.0 < order.1)
        case .lessOrEqual: return .bool(order.0 <= order.1)
        case .greater: return .bool(order.0 > order.1)
        case .greaterOrEqual: return .bool(order.0 >= order.1)
        default: return .null
        }
    }

    /// Equality of two non-null values; nil when either is null. A choice equals the text
    /// of its option id; dates compare by day (a date without a day counts as the 15th).
    static func equal(_ lhs: Value, _ rhs: Value) -> Bool? {
        switch (lhs, rhs) {
        case (.null, _), (_, .null): return nil
        case (.number(let a), .number(let b)): return a == b
        case (.date(let a), .date(let b)): return a.ordinalDay == b.ordinalDay
        case (.set(let a), .set(let b)): return Set(a) == Set(b)
        default:
            if let a = lhs.identifier, let b = rhs.identifier { return a == b }
            return lhs == rhs
        }
    }

    /// `element in collection`: null if either side is null; in a list with holes,
    /// "not found" is unknown (null) because a hole might have been the value.
    static func membership(_ element: Value, in collection: Value) -> Value {
        if element.isNull { return .null }
        switch collection {
        case .set(let members):
            guard let id = element.identifier else { return .null }
            return .bool(members.contains(id))
        case .list(let values):
            var sawNull = false
            for value in values {
                if let same = equal(element, value) {
                    if same { return .bool(true) }
                } else {
                    sawNull = true
                }
            }
            return sawNull ? .null : .bool(false)
        default:
            return .null
        }
    }

    /// The pure functions, on evaluated arguments.
    static func apply(_ function: BuiltinFunction, _ arguments: [Value], today: PartialDate) -> Value {
        switch function {
        case .count:
            switch arguments.first {
            case .set(let members): return .number(Double(members.count))
            case .list(let values):
                let booleans = values.contains { if case .bool = $0 { true } else { false } }
                let counted = booleans ? values.filter(\.isTrue).count : values.filter { !$0.isNull }.count
                return .number(Double(counted))
            default: return .null
            }
        case .sum, .max, .min, .mean:
            let numbers = numbersOf(arguments)
            switch function {
            case .sum: return .finite(numbers.reduce(0, +))
            case .max: return numbers.max().map(Value.finite) ?? .null
            case .min: return numbers.min().map(Value.finite) ?? .null
            default: return numbers.isEmpty ? .null : .finite(numbers.reduce(0, +) / Double(numbers.count))
            }
        case .round:
            guard case .number(let x) = arguments.first else { return .null }
            var digits = 0
            if arguments.count > 1 {
                guard case .number(let d) = arguments[1], d.isFinite else { return .null }
                digits = Int(Swift.max(-15, Swift.min(15, d.rounded())))
            }
            return .finite(roundHalfAwayFromZero(x, digits: digits))
        case .abs:
            guard case .number(let x) = arguments.first else { return .null }
            return .finite(Swift.abs(x))
        case .yearsBetween, .ageAt:
            guard arguments.count == 2, case .date(let a) = arguments[0], case .date(let b) = arguments[1] else { return .null }
            return .number(Double(a.wholeYears(until: b)))
        case .daysBetween:
            guard arguments.count == 2, case .date(let a) = arguments[0], case .date(let b) = arguments[1] else { return .null }
            return .number(Double(b.ordinalDay - a.ordinalDay))
        case .today:
            return .date(today)
        case .if:
            guard arguments.count == 3 else { return .null }
            return arguments[0].isTrue ? arguments[1] : arguments[2]
        case .coalesce:
            return arguments.first { !$0.isNull } ?? .null
        case .answered, .score, .date:
            // Resolved by the checker into dedicated nodes or literals; never called here.
            return .null
        }
    }

    /// The numbers of `sum(list)` or `sum(a, b, c)`, nulls skipped.
    private static func numbersOf(_ arguments: [Value]) -> [Double] {
        let values: [Value]
        if arguments.count == 1, case .list(let elements) = arguments[0] {
            values = elements
        } else {
            values = arguments
        }
        return values.compactMap(\.number)
    }

    /// Rounds like people do on paper (2.5 → 3, -2.5 → -3), to `digits` decimals.
    static func roundHalfAwayFromZero(_ x: Double, digits: Int) -> Double {
        guard x.isFinite else { return x }
        var scale = 1.0
        for _ in 0..<Swift.abs(digits) { scale *= 10 }
        let scaled = digits >= 0 ? x * scale : x / scale
        guard scaled.isFinite else { return x }
        let rounded = halfAwayFromZero(scaled)
        return digits >= 0 ? rounded / scale : rounded * scale
    }

    /// `1.005 * 100` is 100.49999999999999 in binary floating point, yet the author wrote
    /// a half; values within a few units in the last place of a half count as a half.
    private static func halfAwayFromZero(_ scaled: Double) -> Double {
        let floor = scaled.rounded(.down)
        if Swift.abs(scaled - floor - 0.5) <= 4 * scaled.ulp {
            return scaled >= 0 ? floor + 1 : floor
        }
        return scaled.rounded(.toNearestOrAwayFromZero)
    }
}
