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

extension Duration {
    /// The whole nanoseconds of a duration (negative durations count as zero).
    public var wholeNanoseconds: UInt64 {
        let (seconds, attoseconds) = components
        guard seconds >= 0, attoseconds >= 0 else { return 0 }
        return UInt64(seconds) * 1_000_000_000 + UInt64(attoseconds / 1_000_000_000)
    }
}

/// The machine's clocks.
public struct SystemClock: SessionClock {
    public init() {}

    public func now() -> DraftTimestamp {
        DraftTimestamp(wallSeconds: Self.wallSeconds(), monotonicNanoseconds: Self.monotonicNanoseconds(), bootID: Self.bootID)
    }

    /// `CLOCK_REALTIME` in seconds since 1970 (what `Date().timeIntervalSince1970` reads,
    /// without running FoundationEssentials' code for it).
    public static func wallSeconds() -> Double {
        var spec = timespec()
        clock_gettime(CLOCK_REALTIME, &spec)
        return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
    }

    /// `CLOCK_MONOTONIC` in nanoseconds: never jumps when someone sets the date. Also the
    /// clock of the terminal's timeouts (instead of `ContinuousClock`, whose code lives in
    /// the concurrency runtime, which nothing else here runs).
    public static func monotonicNanoseconds() -> UInt64 {
        var spec = timespec()
        clock_gettime(CLOCK_MONOTONIC, &spec)
        return UInt64(spec.tv_sec) * 1_000_000_000 + UInt64(spec.tv_nsec)
    }

    /// Nanoseconds from now to `deadline` on ``monotonicNanoseconds()``, or zero once it has passed.
    public static func nanoseconds(until deadline: UInt64) -> UInt64 {
        let now = monotonicNanoseconds()
        return deadline > now ? deadline - now : 0
    }

    /// Identifies the current boot, so monotonic readings from before a reboot are not compared.
    public static let bootID: String = {
        guard let bytes = try? POSIXFile.readAll("/proc/sys/kernel/random/boot_id") else { return "" }
        return String(decoding: bytes, as: UTF8.self).trimmingWhitespace()
    }()
}
