import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

/// A moment as the draft journal records it: wall clock for people and for comparisons
/// across a reboot, monotonic clock for comparisons within one boot (immune to the wall
/// clock being set), and the boot it belongs to (monotonic time restarts at each boot).
public struct DraftTimestamp: Codable, Hashable, Sendable {
    /// Seconds since 1970-01-01 UTC.
    public var wallSeconds: Double
    /// `CLOCK_MONOTONIC` in nanoseconds.
    public var monotonicNanoseconds: UInt64
    /// `/proc/sys/kernel/random/boot_id`; empty when unknown.
    public var bootID: String

    public init(wallSeconds: Double, monotonicNanoseconds: UInt64, bootID: String) {
        self.wallSeconds = wallSeconds
        self.monotonicNanoseconds = monotonicNanoseconds
        self.bootID = bootID
    }

    /// Seconds from `earlier` to `self`, or nil when the clocks cannot tell (another boot
    /// and a wall clock that went backwards).
    ///
    /// Within one boot the larger of the two clocks wins: monotonic time stops while a
    /// laptop sleeps, the wall clock does not, and for a resume window over-estimating the
    /// age only ever refuses a resume, which is the safe direction.
    public func seconds(since earlier: DraftTimestamp) -> Double? {
        let wall = wallSeconds - earlier.wallSeconds
        let sameBoot = !bootID.isEmpty && bootID == earlier.bootID && monotonicNanoseconds >= earlier.monotonicNanoseconds
        if sameBoot {
            let monotonic = Double(monotonicNanoseconds - earlier.monotonicNanoseconds) / 1e9
            return wall >= 0 ? max(monotonic, wall) : monotonic
        }
        return wall >= 0 ? wall : nil
    }
}

/// Where the draft journal and the idle timer get the time; tests inject a fake.
public protocol SessionClock: Sendable {
    func now() -> DraftTimestamp
}

/// The machine's clocks.
public struct SystemClock: SessionClock {
    public init() {}

    public func now() -> DraftTimestamp {
        DraftTimestamp(wallSeconds: Date().timeIntervalSince1970, monotonicNanoseconds: Self.monotonicNanoseconds(), bootID: Self.bootID)
    }

    /// `CLOCK_MONOTONIC` in nanoseconds: never jumps when someone sets the date.
    public static func monotonicNanoseconds() -> UInt64 {
        var spec = timespec()
        clock_gettime(CLOCK_MONOTONIC, &spec)
        return UInt64(spec.tv_sec) * 1_000_000_000 + UInt64(spec.tv_nsec)
    }

    /// Identifies the current boot, so monotonic readings from before a reboot are not compared.
    public static let bootID: String = {
        guard let text = try? String(contentsOfFile: "/proc/sys/kernel/random/boot_id", encoding: .utf8) else { return "" }
        return text.trimmingWhitespace()
    }()
}
