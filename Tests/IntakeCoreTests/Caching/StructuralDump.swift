/// Every stored property of a value, recursively, as text: two values with the same dump
/// hold the same data. Dictionary and set entries are sorted (their iteration order is not
/// part of their value), so the dump of a decoded copy equals the original's.
func structuralDump(_ value: Any) -> String {
    var output = ""
    appendDump(of: value, to: &output)
    return output
}

private func appendDump(of value: Any, to output: inout String) {
    let mirror = Mirror(reflecting: value)
    switch mirror.displayStyle {
    case .dictionary, .set:
        let entries = mirror.children.map { child -> String in
            var entry = ""
            appendDump(of: child.value, to: &entry)
            return entry
        }.sorted()
        output += "{" + entries.joined(separator: ",") + "}"
    case .optional:
        if let wrapped = mirror.children.first {
            appendDump(of: wrapped.value, to: &output)
        } else {
            output += "nil"
        }
    case .enum:
        output += "\(mirror.subjectType).\(value)"
            .prefix { $0 != "(" }
        appendChildren(mirror, to: &output)
    case nil:
        // Leaves: numbers, strings, booleans, characters.
        output += "\(mirror.subjectType)(\(String(reflecting: value)))"
    default:
        output += "\(mirror.subjectType)"
        appendChildren(mirror, to: &output)
    }
}

private func appendChildren(_ mirror: Mirror, to output: inout String) {
    guard !mirror.children.isEmpty else { return }
    output += "("
    for child in mirror.children {
        output += (child.label ?? "_") + ":"
        appendDump(of: child.value, to: &output)
        output += ","
    }
    output += ")"
}
