/// Cache encodings of checked expressions (see ``CacheCodable``). Decoding rebuilds the
/// checked tree directly: no lexing, parsing or type checking on a cache hit.

extension CompiledExpression: CacheCodable {
    func write(to writer: inout CacheWriter) throws {
        writer.write(source)
        location.write(to: &writer)
        try type.write(to: &writer)
        try references.write(to: &writer)
        try root.write(to: &writer)
    }

    static func read(from reader: inout CacheReader) throws -> CompiledExpression {
        CompiledExpression(
            source: try .read(from: &reader), location: try .read(from: &reader), type: try .read(from: &reader),
            references: try .read(from: &reader), root: try .read(from: &reader))
    }
}

extension BinaryOperator: RawStringCacheCodable {}
extension BuiltinFunction: RawStringCacheCodable {}

extension ExpressionNode: CacheCodable {
    /// Case numbers are part of the format: append new cases, never renumber.
    func write(to writer: inout CacheWriter) throws {
        switch self {
        case .literal(let value):
            writer.write(tag: 0)
            try value.write(to: &writer)
        case .name(let name, let slot):
            writer.write(tag: 1)
            writer.write(name)
            writer.write(slot ?? -1)
        case .negate(let operand):
            writer.write(tag: 2)
            try operand.write(to: &writer)
        case .not(let operand):
            writer.write(tag: 3)
            try operand.write(to: &writer)
        case .and(let left, let right):
            writer.write(tag: 4)
            try left.write(to: &writer)
            try right.write(to: &writer)
        case .or(let left, let right):
            writer.write(tag: 5)
            try left.write(to: &writer)
            try right.write(to: &writer)
        case .arithmetic(let op, let left, let right):
            writer.write(tag: 6)
            op.write(to: &writer)
            try left.write(to: &writer)
            try right.write(to: &writer)
        case .comparison(let op, let left, let right):
            writer.write(tag: 7)
            op.write(to: &writer)
            try left.write(to: &writer)
            try right.write(to: &writer)
        case .membership(let element, let collection):
            writer.write(tag: 8)
            try element.write(to: &writer)
            try collection.write(to: &writer)
        case .list(let elements):
            writer.write(tag: 9)
            try elements.write(to: &writer)
        case .answered(let name):
            writer.write(tag: 10)
            writer.write(name)
        case .optionScore(let name):
            writer.write(tag: 11)
            writer.write(name)
        case .today:
            writer.write(tag: 12)
        case .call(let function, let arguments):
            writer.write(tag: 13)
            function.write(to: &writer)
            try arguments.write(to: &writer)
        case .external:
            throw CacheEncodingError.notCacheable
        }
    }

    static func read(from reader: inout CacheReader) throws -> ExpressionNode {
        try reader.nested { reader in
            switch try reader.readTag() {
            case 0: return .literal(try .read(from: &reader))
            case 1:
                let name = try reader.readString()
                let slot = try reader.readInt()
                return .name(name, slot: slot >= 0 ? slot : nil)
            case 2: return .negate(try .read(from: &reader))
            case 3: return .not(try .read(from: &reader))
            case 4: return .and(try .read(from: &reader), try .read(from: &reader))
            case 5: return .or(try .read(from: &reader), try .read(from: &reader))
            case 6: return .arithmetic(try .read(from: &reader), try .read(from: &reader), try .read(from: &reader))
            case 7: return .comparison(try .read(from: &reader), try .read(from: &reader), try .read(from: &reader))
            case 8: return .membership(try .read(from: &reader), try .read(from: &reader))
            case 9: return .list(try .read(from: &reader))
            case 10: return .answered(try reader.readString())
            case 11: return .optionScore(try reader.readString())
            case 12: return .today
            case 13: return .call(try .read(from: &reader), try .read(from: &reader))
            default: throw CacheDecodingError.malformed
            }
        }
    }
}

extension ValueType: CacheCodable {
    /// Case numbers are part of the format: append new cases, never renumber.
    func write(to writer: inout CacheWriter) throws {
        switch self {
        case .bool: writer.write(tag: 0)
        case .number: writer.write(tag: 1)
        case .text: writer.write(tag: 2)
        case .date: writer.write(tag: 3)
        case .choice(let options):
            writer.write(tag: 4)
            try options.write(to: &writer)
        case .set(let members):
            writer.write(tag: 5)
            try members.write(to: &writer)
        case .list(let element):
            writer.write(tag: 6)
            try element.write(to: &writer)
        case .null: writer.write(tag: 7)
        }
    }

    static func read(from reader: inout CacheReader) throws -> ValueType {
        try reader.nested { reader in
            switch try reader.readTag() {
            case 0: return .bool
            case 1: return .number
            case 2: return .text
            case 3: return .date
            case 4: return .choice(options: try .read(from: &reader))
            case 5: return .set(members: try .read(from: &reader))
            case 6: return .list(try .read(from: &reader))
            case 7: return .null
            default: throw CacheDecodingError.malformed
            }
        }
    }
}

extension Value: CacheCodable {
    /// Case numbers are part of the format: append new cases, never renumber.
    func write(to writer: inout CacheWriter) throws {
        switch self {
        case .null: writer.write(tag: 0)
        case .bool(let value):
            writer.write(tag: 1)
            writer.write(value)
        case .number(let value):
            writer.write(tag: 2)
            writer.write(value)
        case .text(let value):
            writer.write(tag: 3)
            writer.write(value)
        case .date(let value):
            writer.write(tag: 4)
            value.write(to: &writer)
        case .choice(let value):
            writer.write(tag: 5)
            writer.write(value)
        case .set(let members):
            writer.write(tag: 6)
            try members.write(to: &writer)
        case .list(let elements):
            writer.write(tag: 7)
            try elements.write(to: &writer)
        }
    }

    static func read(from reader: inout CacheReader) throws -> Value {
        try reader.nested { reader in
            switch try reader.readTag() {
            case 0: return .null
            case 1: return .bool(try reader.readBool())
            case 2: return .number(try reader.readDouble())
            case 3: return .text(try reader.readString())
            case 4: return .date(try .read(from: &reader))
            case 5: return .choice(try reader.readString())
            case 6: return .set(try .read(from: &reader))
            case 7: return .list(try .read(from: &reader))
            default: throw CacheDecodingError.malformed
            }
        }
    }
}

extension PartialDate: CacheCodable {
    func write(to writer: inout CacheWriter) {
        writer.write(year)
        writer.write(month)
        writer.write(tag: day == nil ? 0 : 1)
        if let day { writer.write(day) }
    }

    static func read(from reader: inout CacheReader) throws -> PartialDate {
        PartialDate(year: try reader.readInt(), month: try reader.readInt(), day: try .read(from: &reader))
    }
}
