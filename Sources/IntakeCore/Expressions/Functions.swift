/// The functions an expression can call, with their arity. Type rules live in the
/// checker and run-time behaviour in the evaluator; this is the single list of names,
/// used for lookups and for "did you mean" suggestions.
enum BuiltinFunction: String, CaseIterable, Sendable {
    case answered, score, count, sum, max, min, mean
    case `if`, coalesce, round, abs
    case today, date, yearsBetween = "years_between", ageAt = "age_at", daysBetween = "days_between"

    /// Allowed argument counts; `nil` upper bound means "any number".
    var arity: (minimum: Int, maximum: Int?) {
        switch self {
        case .answered, .score, .count, .abs, .date: (1, 1)
        case .sum, .max, .min, .mean, .coalesce: (1, nil)
        case .if: (3, 3)
        case .round: (1, 2)
        case .today: (0, 0)
        case .yearsBetween, .ageAt, .daysBetween: (2, 2)
        }
    }

    /// "takes 2 arguments", "takes 1 or 2 arguments", "takes at least 1 argument".
    var arityDescription: String {
        let (minimum, maximum) = arity
        func arguments(_ n: Int) -> String { n == 1 ? "1 argument" : "\(n) arguments" }
        guard let maximum else { return "takes at least \(arguments(minimum))" }
        if minimum == maximum { return maximum == 0 ? "takes no arguments" : "takes \(arguments(minimum))" }
        return "takes \(minimum) or \(arguments(maximum))"
    }
}
