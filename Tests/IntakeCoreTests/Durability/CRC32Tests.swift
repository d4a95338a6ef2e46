import PropertyBased
import Testing
@testable import IntakeCore

/// The eight-bytes-at-a-time CRC must be the byte-at-a-time one, for any bytes, any
/// length (the tail shorter than eight) and any starting value.
@Suite struct CRC32Tests {
    @Test func slicedAndBytewiseAgreeOnAnyBytes() async {
        await propertyCheck(count: 2000, input: Gen.int(in: 0...255).array(of: 0...70), Gen.int(in: 0...Int(UInt32.max))) { values, start in
            let bytes = values.map { UInt8($0) }
            let previous = UInt32(start)
            #expect(CRC32.checksum(bytes, continuing: previous) == CRC32.bytewise(bytes, continuing: previous), "\(bytes)")
        }
    }

    @Test func aSliceIsCheckedFromItsOwnStart() {
        let bytes = Array("xx123456789".utf8)
        #expect(CRC32.checksum(bytes[2...]) == 0xCBF4_3926)
        #expect(CRC32.checksum(AnySequence(bytes[2...])) == 0xCBF4_3926, "a sequence without contiguous storage")
    }

    @Test func aLongBufferMatches() {
        let bytes = (0..<100_003).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ $0 >> 7) }
        #expect(CRC32.checksum(bytes) == CRC32.bytewise(bytes))
    }
}
