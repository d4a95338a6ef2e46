/// Resolves names and functions and checks types, turning `Syntax` into `ExpressionNode`.
///
/// Checking happens when the questionnaire is loaded, so a typo in an item id or an
/// option id is reported to the author with its line and column instead of silently
/// making a question never appear. Independent problems (both operands of `+`, several
/// arguments) are all reported; a node with an error yields nil so that no follow-on
/// error is reported about it.
struct TypeChecker {
    struct Problem: Equatable {
        var message: String
        var offset: Int
    }

    struct Checked {
        var node: ExpressionNode
        var type: ValueType
        /// The item or score name when the expression is just that name; used to say
        /// which item an option id does not belong to.
        var name: String? = nil
    }

    let scope: any ExpressionScope
    private(set) var problems: [Problem] = []
    private(set) var references: Set<String> = []

    init(scope: any ExpressionScope) {
        self.scope = scope
    }

    private mutating func report(_ message: String, at offset: Int) {
        problems.append(Problem(message: message, offset: offset))
    }

    mutating func check(_ syntax: Syntax) -> Checked? {
        switch syntax.kind {
        case .number(let n): return Checked(node: .literal(.number(n)), type: .number)
        case .string(let s): return Checked(node: .literal(.text(s)), type: .text)
        case .bool(let b): return Checked(node: .literal(.bool(b)), type: .bool)
        case .null: return Checked(node: .literal(.null), type: .null)
        case .name(let name): return checkName(name, at: syntax.offset)
        case .list(let elements): return checkList(elements)
        case .unary(let op, let operand): return checkUnary(op, operand)
        case .binary(let op, let lhs, let rhs): return checkBinary(op, lhs, rhs, at: syntax.offset)
        case .call(let name, let arguments): return checkCall(name, arguments, at: syntax.offset)
        }
    }

    // MARK: - Names

    private mutating func resolve(_ name: String, at offset: Int) -> ExpressionSymbol? {
        if let symbol = scope.symbol(named: name) {
            references.insert(name)
            return symbol
        }
        if BuiltinFunction(rawValue: name) != nil {
            report("'\(name)' is a function; write it with brackets, like \(name)(...)", at: offset)
        } else {
            report("unknown item or score '\(name)'" + Suggestion.didYouMean(name, among: scope.visibleNames), at: offset)
        }
        return nil
    }

    private mutating func checkName(_ name: String, at offset: Int) -> Checked? {
        guard let symbol = resolve(name, at: offset) else { return nil }
        return Checked(node: .name(name, slot: symbol.slot), type: symbol.type, name: name)
    }

    /// Reports an option id that the choice item (or multiple-choice/body-map item) does not have.
    @discardableResult
    private mutating func checkOption(_ id: String, of options: [String], owner: String?, at offset: Int) -> Bool {
        guard !options.contains(id) else { return true }
        let subject = owner.map { "an option of '\($0)'" } ?? "one of the options"
        if let suggestion = Suggestion.closest(to: id, among: options) {
            report("'\(id)' is not \(subject); did you mean '\(suggestion)'?", at: offset)
        } else if options.isEmpty {
            report("'\(id)' is not \(subject), which has no options", at: offset)
        } else {
            report("'\(id)' is not \(subject); the options are \(options.joined(separator: ", "))", at: offset)
        }
        return false
    }

    // MARK: - Lists and operators

    private mutating func checkList(_ elements: [Syntax]) -> Checked? {
        var nodes: [ExpressionNode] = []
        var elementType = ValueType.null
        var failed = false
        for element in elements {
            guard let checked = check(element) else {
                failed = true
                continue
            }
            if case .set = checked.type {
                report("a list cannot hold a multiple-choice answer", at: element.start)
                failed = true
            } else if case .list = checked.type {
                report("a list cannot hold another list", at: element.start)
                failed = true
            } else if let unified = ValueType.unify(elementType, checked.type) {
                elementType = unified
            } else {
                report("all values in a list must be of one kind, but this is \(checked.type.readableName) and the ones before are \(elementType.pluralName)", at: element.start)
                failed = true
            }
            nodes.append(checked.node)
        }
        return failed ? nil : Checked(node: .list(nodes), type: .list(elementType))
    }

    private mutating func require(
        _ checked: Checked?, _ syntax: Syntax, _ accepts: (ValueType) -> Bool, _ message: (String) -> String
    ) -> Checked? {
        guard let checked else { return nil }
        guard accepts(checked.type) else {
            report(message(checked.type.readableName), at: syntax.start)
            return nil
        }
        return checked
    }

    private mutating func checkUnary(_ op: UnaryOperator, _ operand: Syntax) -> Checked? {
        switch op {
        case .not:
            guard let x = require(check(operand), operand, \.isBoolLike, { "'not' needs a yes/no value, but this is \($0)" })
            else { return nil }
            return Checked(node: .not(x.node), type: .bool)
        case .negate:
            guard let x = require(check(operand), operand, \.isNumberLike, { "'-' needs a number, but this is \($0)" })
            else { return nil }
            return Checked(node: .negate(x.node), type: .number)
        }
    }

    private mutating func checkBinary(_ op: BinaryOperator, _ lhsSyntax: Syntax, _ rhsSyntax: Syntax, at offset: Int) -> Checked? {
        let left = check(lhsSyntax)
        let right = check(rhsSyntax)
        switch op {
        case .and, .or:
            let message = { (type: String) in "'\(op.rawValue)' needs yes/no values on both sides, but this is \(type)" }
            let l = require(left, lhsSyntax, \.isBoolLike, message)
            let r = require(right, rhsSyntax, \.isBoolLike, message)
            guard let l, let r else { return nil }
            return Checked(node: op == .and ? .and(l.node, r.node) : .or(l.node, r.node), type: .bool)
        case .plus, .minus, .times, .divide:
            let message = { (type: String) in "'\(op.rawValue)' works only on numbers, but this is \(type)" }
            let l = require(left, lhsSyntax, \.isNumberLike, message)
            let r = require(right, rhsSyntax, \.isNumberLike, message)
            guard let l, let r else { return nil }
            return Checked(node: .arithmetic(op, l.node, r.node), type: .number)
        case .less, .lessOrEqual, .greater, .greaterOrEqual:
            let message = { (type: String) in "'\(op.rawValue)' compares numbers or dates, but this is \(type)" }
            let l = require(left, lhsSyntax, { $0.isNumberLike || $0.isDateLike }, message)
            let r = require(right, rhsSyntax, { $0.isNumberLike || $0.isDateLike }, message)
            guard let l, let r else { return nil }
            guard ValueType.unify(l.type, r.type) != nil else {
                report("cannot compare \(l.type.readableName) with \(r.type.readableName)", at: offset)
                return nil
            }
            return Checked(node: .comparison(op, l.node, r.node), type: .bool)
        case .equal, .notEqual:
            guard let l = left, let r = right,
                  checkEquality(op, l, lhsSyntax, r, rhsSyntax, at: offset)
            else { return nil }
            return Checked(node: .comparison(op, l.node, r.node), type: .bool)
        case .in:
            guard let l = left, let r = right,
                  checkMembership(l, lhsSyntax, r, rhsSyntax, at: offset)
            else { return nil }
            return Checked(node: .membership(l.node, r.node), type: .bool)
        }
    }

    private mutating func checkEquality(
        _ op: BinaryOperator, _ l: Checked, _ lhs: Syntax, _ r: Checked, _ rhs: Syntax, at offset: Int
    ) -> Bool {
        // Allowed, though the result is always null; the loader's "can never be true"
        // warning catches the usual mistake of writing `x == null` for "not answered".
        if l.type == .null || r.type == .null { return true }
        for collection in [l, r] {
            switch collection.type {
            case .set:
                let example = collection.name.map { "'option' in \($0)" } ?? "'option' in item"
                report("'\(op.rawValue)' cannot compare a multiple-choice answer; to check whether an option was chosen write \(example)", at: offset)
                return false
            case .list:
                report("'\(op.rawValue)' cannot compare lists; to check whether a value is in a list use 'in'", at: offset)
                return false
            default:
                continue
            }
        }
        if case .choice(let options) = l.type, case .string(let id) = rhs.kind {
            return checkOption(id, of: options, owner: l.name, at: rhs.offset)
        }
        if case .choice(let options) = r.type, case .string(let id) = lhs.kind {
            return checkOption(id, of: options, owner: r.name, at: lhs.offset)
        }
        guard ValueType.unify(l.type, r.type) != nil else {
            report("cannot compare \(l.type.readableName) with \(r.type.readableName)", at: offset)
            return false
        }
        return true
    }

    private mutating func checkMembership(_ l: Checked, _ lhs: Syntax, _ r: Checked, _ rhs: Syntax, at offset: Int) -> Bool {
        switch r.type {
        case .null:
            return true
        case .set(let members):
            guard l.type.isTextual || l.type == .null else {
                report("'in' looks for an option in a multiple-choice answer, so the left side must be an option like 'eyelids', but this is \(l.type.readableName)", at: lhs.start)
                return false
            }
            if case .string(let id) = lhs.kind {
                return checkOption(id, of: members, owner: r.name, at: lhs.offset)
            }
            return true
        case .list(let element):
            guard ValueType.unify(l.type, element) != nil, !Self.isCollection(l.type) else {
                report("cannot look for \(l.type.readableName) in \(r.type.readableName)", at: offset)
                return false
            }
            var valid = true
            if case .choice(let options) = l.type, case .list(let elements) = rhs.kind {
                for element in elements {
                    if case .string(let id) = element.kind {
                        valid = checkOption(id, of: options, owner: l.name, at: element.offset) && valid
                    }
                }
            }
            return valid
        default:
            report("'in' needs a list like [1, 2] or a multiple-choice answer on its right, but this is \(r.type.readableName)", at: rhs.start)
            return false
        }
    }

    private static func isCollection(_ type: ValueType) -> Bool {
        switch type {
        case .set, .list: true
        default: false
        }
    }

    // MARK: - Functions

    private mutating func checkCall(_ name: String, _ arguments: [Syntax], at offset: Int) -> Checked? {
        guard let function = BuiltinFunction(rawValue: name) else {
            if scope.symbol(named: name) != nil {
                report("'\(name)' is an item or score, not a function; remove the brackets after it", at: offset)
            } else {
                let names = BuiltinFunction.allCases.map(\.rawValue)
                report("unknown function '\(name)'" + Suggestion.didYouMean(name, among: names), at: offset)
            }
            for argument in arguments { _ = check(argument) }
            return nil
        }
        let (minimum, maximum) = function.arity
        guard arguments.count >= minimum, arguments.count <= (maximum ?? Int.max) else {
            let given = arguments.count == 1 ? "1 was given" : "\(arguments.count) were given"
            report("\(name)(...) \(function.arityDescription), but \(given)", at: offset)
            return nil
        }

        switch function {
        case .answered, .score:
            guard case .name(let item) = arguments[0].kind else {
                report("\(name)(...) needs the id of an item, like \(name)(\(function == .answered ? "fever" : "sex"))", at: arguments[0].start)
                return nil
            }
            guard let symbol = resolve(item, at: arguments[0].offset) else { return nil }
            if function == .answered { return Checked(node: .answered(item), type: .bool) }
            guard symbol.hasOptionScores else {
                report("score(\(item)) needs a choice item whose options have scores, and '\(item)' has none", at: arguments[0].offset)
                return nil
            }
            return Checked(node: .optionScore(item), type: .number)
        case .date:
            guard case .string(let text) = arguments[0].kind else {
                report("date(...) needs a date written in quotes, like date('2024-05-01') or date('2024-05')", at: arguments[0].start)
                return nil
            }
            guard let date = PartialDate(iso: text) else {
                report("'\(text)' is not a valid date; write it as 'YYYY-MM-DD' or 'YYYY-MM', like '2024-05-01'", at: arguments[0].offset)
                return nil
            }
            return Checked(node: .literal(.date(date)), type: .date)
        case .today:
            return Checked(node: .today, type: .date)
        default:
            break
        }

        let checked = arguments.map { check($0) }
        func requireAll(_ accepts: (ValueType) -> Bool, _ message: (String) -> String) -> [ExpressionNode]? {
            var nodes: [ExpressionNode] = []
            var failed = false
            for (argument, syntax) in zip(checked, arguments) {
                if let ok = require(argument, syntax, accepts, message) {
                    nodes.append(ok.node)
                } else {
                    failed = true
                }
            }
            return failed ? nil : nodes
        }

        switch function {
        case .count:
            guard let nodes = requireAll({ Self.isCollection($0) || $0 == .null }, {
                "count(...) needs a list like [a, b] or a multiple-choice answer, but this is \($0)"
            }) else { return nil }
            return Checked(node: .call(.count, nodes), type: .number)
        case .sum, .max, .min, .mean:
            if arguments.count == 1, let only = checked[0], case .list(let element) = only.type {
                guard element.isNumberLike else {
                    report("\(name)(...) needs numbers, but this is \(only.type.readableName)", at: arguments[0].start)
                    return nil
                }
                return Checked(node: .call(function, [only.node]), type: .number)
            }
            guard let nodes = requireAll(\.isNumberLike, { "\(name)(...) needs numbers, but this is \($0)" })
            else { return nil }
            return Checked(node: .call(function, nodes), type: .number)
        case .round, .abs:
            guard let nodes = requireAll(\.isNumberLike, { "\(name)(...) needs numbers, but this is \($0)" })
            else { return nil }
            return Checked(node: .call(function, nodes), type: .number)
        case .yearsBetween, .ageAt, .daysBetween:
            guard let nodes = requireAll(\.isDateLike, { "\(name)(...) needs two dates, but this is \($0)" })
            else { return nil }
            return Checked(node: .call(function, nodes), type: .number)
        case .if:
            let condition = require(checked[0], arguments[0], \.isBoolLike) {
                "the first part of if(...) must be a yes/no condition, but this is \($0)"
            }
            guard let condition, let whenTrue = checked[1], let whenFalse = checked[2] else { return nil }
            guard let type = ValueType.unify(whenTrue.type, whenFalse.type) else {
                report("both results of if(...) must be of the same kind, but the first is \(whenTrue.type.readableName) and this is \(whenFalse.type.readableName)", at: arguments[2].start)
                return nil
            }
            return Checked(node: .call(.if, [condition.node, whenTrue.node, whenFalse.node]), type: type)
        case .coalesce:
            var type = ValueType.null
            var nodes: [ExpressionNode] = []
            var failed = false
            for (argument, syntax) in zip(checked, arguments) {
                guard let argument else {
                    failed = true
                    continue
                }
                if let unified = ValueType.unify(type, argument.type) {
                    type = unified
                } else {
                    report("all values in coalesce(...) must be of the same kind, but this is \(argument.type.readableName) and the ones before are \(type.pluralName)", at: syntax.start)
                    failed = true
                }
                nodes.append(argument.node)
            }
            return failed ? nil : Checked(node: .call(.coalesce, nodes), type: type)
        case .answered, .score, .date, .today:
            return nil
        }
    }
}
