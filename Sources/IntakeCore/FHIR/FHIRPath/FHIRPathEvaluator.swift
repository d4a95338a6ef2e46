/// A checked FHIRPath expression: parsed, with every function and variable known.
public struct FHIRPathExpression: Sendable, CustomStringConvertible {
    public let source: String
    let root: FPNode
    /// `%names` it reads (without `resource`, `questionnaire`).
    let variables: Set<String>
    /// Whether it reads `%resource` (or a path from the root context, which is the response).
    let readsResponse: Bool
    /// The linkIds of every `%resource...item.where(linkId = '...')` step, when every read of the
    /// response is keyed that way; nil when some read is not (it may read any answer).
    let keyedLinkIDs: Set<String>?

    public var description: String { source }

    /// The functions of the subset and their argument counts.
    static let functions: [String: ClosedRange<Int>] = [
        "where": 1...1, "select": 1...1, "exists": 0...1, "empty": 0...0, "not": 0...0, "iif": 2...3,
        "round": 0...1, "sum": 0...0, "count": 0...0, "first": 0...0, "last": 0...0,
        "extension": 1...1, "ordinal": 0...0, "weight": 0...0, "abs": 0...0,
    ]
    static let functionsTakingCriteria: Set<String> = ["where", "select", "exists"]

    /// Parses and checks `source`.
    /// - Parameters:
    ///   - known: variables defined before this point (`resource`, `questionnaire` are always known).
    ///   - rootPathsAllowed: whether a path may start with a bare name (the response root); at item
    ///     level the SDC context would be the item, which is not supported, so it is refused there.
    public static func compile(_ source: String, known: Set<String>, rootPathsAllowed: Bool) throws(FHIRPathError) -> FHIRPathExpression {
        let root = try FHIRPathParser.parse(source)
        var checker = Checker(known: known, rootPathsAllowed: rootPathsAllowed)
        try checker.check(root, atRoot: true)
        let keyed = Checker.keyedLinkIDs(root)
        return FHIRPathExpression(source: source, root: root, variables: checker.variables, readsResponse: checker.readsResponse, keyedLinkIDs: keyed)
    }

    struct Checker {
        let known: Set<String>
        let rootPathsAllowed: Bool
        var variables: Set<String> = []
        var readsResponse = false

        mutating func check(_ node: FPNode, atRoot: Bool) throws(FHIRPathError) {
            switch node {
            case .literal, .this:
                break
            case .variable(let name, let offset):
                if name == "resource" {
                    readsResponse = true
                } else if name == "questionnaire" {
                    break
                } else if ["context", "qitem", "ucum", "sct", "loinc", "rootResource", "factory", "terminologies", "server"].contains(name) {
                    throw FHIRPathError(message: "'%\(name)' is not supported", offset: offset)
                } else if !known.contains(name) {
                    throw FHIRPathError(message: "unknown variable '%\(name)'" + Suggestion.didYouMean(name, among: known.sorted()), offset: offset)
                } else {
                    variables.insert(name)
                }
            case .identifier(let name, let offset):
                if atRoot {
                    guard rootPathsAllowed else {
                        throw FHIRPathError(message: "'\(name)' starts a path at the item context, which is not supported here; start from %resource, %questionnaire or a %variable", offset: offset)
                    }
                    readsResponse = true
                }
            case .member(let focus, _):
                try check(focus, atRoot: atRoot)
            case .index(let focus, let index):
                try check(focus, atRoot: atRoot)
                try check(index, atRoot: atRoot)
            case .negate(let x):
                try check(x, atRoot: atRoot)
            case .binary(_, let l, let r, _):
                try check(l, atRoot: atRoot)
                try check(r, atRoot: atRoot)
            case .call(let focus, let name, let arguments, let offset):
                guard let arity = FHIRPathExpression.functions[name] else {
                    throw FHIRPathError(message: "the function '\(name)()' is not supported" + Suggestion.didYouMean(name, among: FHIRPathExpression.functions.keys.sorted()), offset: offset)
                }
                guard arity.contains(arguments.count) else {
                    throw FHIRPathError(message: "\(name)() takes \(arity.lowerBound == arity.upperBound ? "\(arity.lowerBound)" : "\(arity.lowerBound) to \(arity.upperBound)") argument\(arity.upperBound == 1 ? "" : "s"), but \(arguments.count) were given", offset: offset)
                }
                if let focus { try check(focus, atRoot: atRoot) }
                // Criteria are evaluated on each element; other arguments (iif's branches) on the focus.
                let elementwise = FHIRPathExpression.functionsTakingCriteria.contains(name)
                let argumentsAtRoot = !elementwise && focus == nil && atRoot
                for argument in arguments { try check(argument, atRoot: argumentsAtRoot) }
            }
        }

        /// See ``FHIRPathExpression/keyedLinkIDs``.
        static func keyedLinkIDs(_ root: FPNode) -> Set<String>? {
            var ids: Set<String> = []
            var keyed = true
            func visit(_ node: FPNode, atRoot: Bool) {
                // Decompose a postfix chain into its base and steps.
                var steps: [FPNode] = []
                var base = node
                while true {
                    switch base {
                    case .member(let focus, _): steps.append(base); base = focus; continue
                    case .index(let focus, let index): steps.append(base); visit(index, atRoot: atRoot); base = focus; continue
                    case .call(let focus?, _, _, _): steps.append(base); base = focus; continue
                    default: break
                    }
                    break
                }
                steps.reverse()
                let isResource: Bool
                switch base {
                case .variable("resource", _): isResource = true
                case .identifier: isResource = atRoot
                default: isResource = false
                }
                if isResource {
                    // Expect (.item)+ then .where(linkId = 'x').
                    var stepIndex = 0
                    if case .identifier(let name, _) = base {
                        guard name == "item" else { keyed = false; return }
                    }
                    while stepIndex < steps.count, case .member(_, "item") = steps[stepIndex] { stepIndex += 1 }
                    var found = false
                    if (stepIndex > 0 || isIdentifierItem(base)), stepIndex < steps.count,
                       case .call(_, "where", let args, _) = steps[stepIndex], args.count == 1,
                       let linkID = linkIDLiteral(args[0]) {
                        ids.insert(linkID)
                        found = true
                    }
                    if !found { keyed = false }
                }
                // Visit everything below, with criteria evaluated elementwise.
                switch base {
                case .call(nil, let name, let args, _):
                    let elementwise = FHIRPathExpression.functionsTakingCriteria.contains(name)
                    for arg in args { visit(arg, atRoot: !elementwise && atRoot) }
                case .negate(let x): visit(x, atRoot: atRoot)
                case .binary(_, let l, let r, _): visit(l, atRoot: atRoot); visit(r, atRoot: atRoot)
                default: break
                }
                for step in steps {
                    if case .call(_, _, let args, _) = step { for arg in args { visit(arg, atRoot: false) } }
                }
            }
            func isIdentifierItem(_ node: FPNode) -> Bool {
                if case .identifier("item", _) = node { return true }
                return false
            }
            func linkIDLiteral(_ node: FPNode) -> String? {
                guard case .binary("=", let l, let r, _) = node else { return nil }
                switch (l, r) {
                case (.identifier("linkId", _), .literal(.some(.string(let s)))), (.literal(.some(.string(let s))), .identifier("linkId", _)): return s
                default: return nil
                }
            }
            visit(root, atRoot: true)
            return keyed ? ids : nil
        }
    }
}

/// Runs a checked expression over JSON trees, with FHIRPath collection semantics.
/// Evaluation errors (a type mismatch, several items where one is needed) give no result:
/// callers treat that as "no value", never as a guess.
struct FHIRPathEvaluator {
    struct Failure: Error {}

    let variables: [String: [FPValue]]
    /// The score of a chosen option of an item, for `ordinal()` / `weight()`.
    let optionScore: @Sendable (String, String) -> Double?

    func evaluate(_ expression: FHIRPathExpression, root: [FPValue]) -> [FPValue]? {
        try? evaluate(expression.root, focus: root, this: root)
    }

    private func evaluate(_ node: FPNode, focus: [FPValue], this: [FPValue]) throws(Failure) -> [FPValue] {
        switch node {
        case .literal(let value):
            return value.map { [$0] } ?? []
        case .this:
            return this
        case .variable(let name, _):
            guard let value = variables[name] else { throw Failure() }
            return value
        case .identifier(let name, _):
            return navigate(focus, name)
        case .member(let base, let name):
            return navigate(try evaluate(base, focus: focus, this: this), name)
        case .index(let base, let indexNode):
            let items = try evaluate(base, focus: focus, this: this)
            let index = try evaluate(indexNode, focus: this, this: this)
            guard index.count == 1, case .number(let n, _) = index[0], n >= 0, n.rounded() == n else { throw Failure() }
            return Int(n) < items.count ? [items[Int(n)]] : []
        case .negate(let x):
            let value = try evaluate(x, focus: focus, this: this)
            guard !value.isEmpty else { return [] }
            guard value.count == 1, case .number(let n, let i) = value[0] else { throw Failure() }
            return [.number(-n, isInteger: i)]
        case .binary(let op, let l, let r, _):
            return try binary(op, l, r, focus: focus, this: this)
        case .call(let base, let name, let arguments, _):
            let input = try base.map { (b: FPNode) throws(Failure) in try evaluate(b, focus: focus, this: this) } ?? focus
            return try call(name, input: input, arguments: arguments, this: base == nil ? this : input)
        }
    }

    // MARK: Navigation

    private func navigate(_ items: [FPValue], _ name: String) -> [FPValue] {
        var result: [FPValue] = []
        for item in items {
            guard case .object(let object) = item else { continue }
            if let resourceType = object["resourceType"]?.string, resourceType == name, name.first?.isUppercase == true {
                result.append(item)
                continue
            }
            if let child = object[name] {
                result += Self.values(of: child)
            } else if name == "value" {
                // Polymorphic value[x]: valueBoolean, valueCoding, ...
                for member in object.members where member.key.hasPrefix("value") && member.key.count > 5
                    && member.key.dropFirst(5).first?.isUppercase == true {
                    result += Self.values(of: member.value)
                }
            }
        }
        return result
    }

    static func values(of node: JSONNode) -> [FPValue] {
        switch node.kind {
        case .null: return []
        case .bool(let b): return [.bool(b)]
        case .number(let n, let i): return [.number(n, isInteger: i)]
        case .string(let s): return [.string(s)]
        case .array(let elements): return elements.flatMap(values(of:))
        case .object: return [.object(node)]
        }
    }

    // MARK: Operators

    /// Singleton evaluation of a collection as a boolean: nil for empty.
    private func truth(_ items: [FPValue]) throws(Failure) -> Bool? {
        if items.isEmpty { return nil }
        guard items.count == 1 else { throw Failure() }
        if case .bool(let b) = items[0] { return b }
        return true
    }

    private func singleton(_ items: [FPValue]) throws(Failure) -> FPValue? {
        if items.isEmpty { return nil }
        guard items.count == 1 else { throw Failure() }
        return items[0]
    }

    private func binary(_ op: String, _ lNode: FPNode, _ rNode: FPNode, focus: [FPValue], this: [FPValue]) throws(Failure) -> [FPValue] {
        let l = try evaluate(lNode, focus: focus, this: this)
        let r = try evaluate(rNode, focus: focus, this: this)
        switch op {
        case "and":
            let a = try truth(l), b = try truth(r)
            if a == false || b == false { return [.bool(false)] }
            if a == true && b == true { return [.bool(true)] }
            return []
        case "or":
            let a = try truth(l), b = try truth(r)
            if a == true || b == true { return [.bool(true)] }
            if a == false && b == false { return [.bool(false)] }
            return []
        case "=", "!=":
            if l.isEmpty || r.isEmpty { return [] }
            let same = l.count == r.count && zip(l, r).allSatisfy(Self.equal)
            return [.bool(op == "=" ? same : !same)]
        case "<", ">", "<=", ">=":
            guard let a = try singleton(l), let b = try singleton(r) else { return [] }
            let order: Int
            switch (a, b) {
            case (.number(let x, _), .number(let y, _)): order = x < y ? -1 : (x > y ? 1 : 0)
            case (.string(let x), .string(let y)):
                order = x.unicodeScalars.lexicographicallyPrecedes(y.unicodeScalars) ? -1 : (x == y ? 0 : 1)
            default: throw Failure()
            }
            switch op {
            case "<": return [.bool(order < 0)]
            case ">": return [.bool(order > 0)]
            case "<=": return [.bool(order <= 0)]
            default: return [.bool(order >= 0)]
            }
        case "&":
            func text(_ items: [FPValue]) throws(Failure) -> String {
                guard let v = try singleton(items) else { return "" }
                guard case .string(let s) = v else { throw Failure() }
                return s
            }
            return [.string(try text(l) + text(r))]
        case "+", "-", "*", "/":
            guard let a = try singleton(l), let b = try singleton(r) else { return [] }
            if op == "+", case .string(let x) = a, case .string(let y) = b { return [.string(x + y)] }
            guard case .number(let x, let xi) = a, case .number(let y, let yi) = b else { throw Failure() }
            let result: Double
            switch op {
            case "+": result = x + y
            case "-": result = x - y
            case "*": result = x * y
            default:
                guard y != 0 else { return [] }
                result = x / y
            }
            guard result.isFinite else { return [] }
            return [.number(result, isInteger: xi && yi && op != "/")]
        default:
            throw Failure()
        }
    }

    static func equal(_ a: FPValue, _ b: FPValue) -> Bool {
        switch (a, b) {
        case (.bool(let x), .bool(let y)): return x == y
        case (.number(let x, _), .number(let y, _)): return x == y
        case (.string(let x), .string(let y)): return x == y
        case (.object(let x), .object(let y)): return x.deepEquals(y)
        default: return false
        }
    }

    // MARK: Functions

    private func call(_ name: String, input: [FPValue], arguments: [FPNode], this: [FPValue]) throws(Failure) -> [FPValue] {
        switch name {
        case "where":
            var result: [FPValue] = []
            for item in input where try truth(evaluate(arguments[0], focus: [item], this: [item])) == true { result.append(item) }
            return result
        case "select":
            var result: [FPValue] = []
            for item in input { result += try evaluate(arguments[0], focus: [item], this: [item]) }
            return result
        case "exists":
            if arguments.isEmpty { return [.bool(!input.isEmpty)] }
            for item in input where try truth(evaluate(arguments[0], focus: [item], this: [item])) == true { return [.bool(true)] }
            return [.bool(false)]
        case "empty":
            return [.bool(input.isEmpty)]
        case "not":
            guard let b = try truth(input) else { return [] }
            return [.bool(!b)]
        case "iif":
            // The criterion and branches see the same focus as iif itself.
            let condition = try truth(evaluate(arguments[0], focus: input, this: this))
            if condition == true { return try evaluate(arguments[1], focus: input, this: this) }
            return arguments.count > 2 ? try evaluate(arguments[2], focus: input, this: this) : []
        case "round":
            guard let v = try singleton(input) else { return [] }
            guard case .number(let x, _) = v else { throw Failure() }
            var digits = 0
            if arguments.count == 1 {
                guard let d = try singleton(evaluate(arguments[0], focus: this, this: this)), case .number(let n, _) = d, n >= 0, n.rounded() == n, n <= 15 else { throw Failure() }
                digits = Int(n)
            }
            return [.number(ValueOperations.roundHalfAwayFromZero(x, digits: digits), isInteger: digits == 0)]
        case "abs":
            guard let v = try singleton(input) else { return [] }
            guard case .number(let x, let i) = v else { throw Failure() }
            return [.number(Swift.abs(x), isInteger: i)]
        case "sum":
            var total = 0.0
            var allIntegers = true
            for item in input {
                guard case .number(let n, let i) = item else { throw Failure() }
                total += n
                allIntegers = allIntegers && i
            }
            return [.number(total, isInteger: allIntegers)]
        case "count":
            return [.number(Double(input.count), isInteger: true)]
        case "first":
            return input.first.map { [$0] } ?? []
        case "last":
            return input.last.map { [$0] } ?? []
        case "extension":
            guard let url = try singleton(evaluate(arguments[0], focus: this, this: this)), case .string(let u) = url else { throw Failure() }
            return navigate(input, "extension").filter { item in
                if case .object(let o) = item, o["url"]?.string == u { return true }
                return false
            }
        case "ordinal", "weight":
            var result: [FPValue] = []
            for item in input {
                guard case .object(let node) = item else { continue }
                if let origin = node.origin, let option = origin.option, let score = optionScore(origin.item, option) {
                    result.append(.number(score, isInteger: score.rounded() == score))
                }
            }
            return result
        default:
            throw Failure()
        }
    }
}
