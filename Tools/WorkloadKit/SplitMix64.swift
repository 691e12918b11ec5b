/// The workload's pseudo-random numbers: SplitMix64, fixed here so that a seed gives the same
/// province and the same dossiers on every machine and every toolchain.
///
/// The standard library's `random(in:using:)` may change how it draws from a generator between
/// releases; every draw here goes through the helpers below instead, which depend on nothing but
/// the 64-bit outputs. The import fuzzers and tests draw from it too, through the standard
/// library where the exact draws do not matter, so that any case is replayed from its seed.
public struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64

    public init(seed: UInt64) { state = seed }

    /// The next 64 random bits.
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A number in `0..<bound` (the bias of the multiply-shift reduction is below 2⁻³² here).
    mutating func below(_ bound: Int) -> Int {
        precondition(bound > 0, "an empty range has no random element")
        return Int(next().multipliedFullWidth(by: UInt64(bound)).high)
    }

    /// A number in `range`.
    public mutating func int(in range: ClosedRange<Int>) -> Int {
        range.lowerBound + below(range.count)
    }

    /// A number in `[0, 1)`.
    mutating func fraction() -> Double {
        Double(next() >> 11) * 0x1.0p-53
    }

    /// `true` with probability `probability`.
    mutating func chance(_ probability: Double) -> Bool {
        fraction() < probability
    }

    /// One element of a non-empty collection.
    mutating func pick<C: RandomAccessCollection>(_ elements: C) -> C.Element where C.Index == Int {
        elements[elements.startIndex + below(elements.count)]
    }

    /// A generator for a separate purpose, so that adding draws to one part of the workload does
    /// not shift the numbers of another.
    mutating func split() -> SplitMix64 {
        SplitMix64(seed: next())
    }
}
