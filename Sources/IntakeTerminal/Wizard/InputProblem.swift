/// A problem found in typed input before it reaches the engine, in words the patient reads.
public enum InputProblem: Hashable, Sendable {
    case outOfRange(minimum: Double?, maximum: Double?)
    case notANumber(minimum: Double?, maximum: Double?)
    case wholeNumber
    case invalidDate
    case amountMissing
    case unitMissing
    case tooLong(maximum: Int)
}
