import Foundation
import TTHCWorkload

/// Breaks inputs the way files get broken: bytes flipped, inserted, dropped or repeated, lines
/// shuffled, files cut short or spliced together, with a bias for the bytes parsers care about.
struct Mutator {
    var random: SplitMix64
    static let interesting: [UInt8] = Array("\",\n\r{}[]:\\0123456789-. ".utf8) + [0x00, 0x7F, 0xC3, 0xE2, 0xFF, 0xBF]

    init(seed: UInt64) { random = SplitMix64(seed: seed) }

    mutating func byte() -> UInt8 {
        Bool.random(using: &random)
            ? Self.interesting.randomElement(using: &random)! : UInt8.random(in: 0...255, using: &random)
    }

    mutating func randomBytes(maximumCount: Int) -> [UInt8] {
        (0..<Int.random(in: 0...maximumCount, using: &random)).map { _ in byte() }
    }

    /// One to four mutations of `input`, spliced with `other` now and then.
    mutating func mutate(_ input: [UInt8], other: [UInt8]) -> [UInt8] {
        var bytes = input
        for _ in 0..<Int.random(in: 1...4, using: &random) {
            let position = bytes.isEmpty ? 0 : Int.random(in: 0..<bytes.count, using: &random)
            switch Int.random(in: 0..<8, using: &random) {
            case 0 where !bytes.isEmpty:
                bytes[position] = byte()
            case 1:
                bytes.insert(contentsOf: (0..<Int.random(in: 1...3, using: &random)).map { _ in byte() }, at: position)
            case 2 where !bytes.isEmpty:
                bytes.removeSubrange(position..<min(bytes.count, position + Int.random(in: 1...16, using: &random)))
            case 3 where !bytes.isEmpty:
                let end = min(bytes.count, position + Int.random(in: 1...64, using: &random))
                bytes.insert(contentsOf: Array(bytes[position..<end]), at: end)
            case 4:
                bytes = Array(bytes.prefix(position))
            case 5:
                var lines = bytes.split(separator: 10, omittingEmptySubsequences: false).map(Array.init)
                lines.shuffle(using: &random)
                bytes = Array(lines.joined(separator: [10]))
            case 6 where !other.isEmpty:
                let cut = Int.random(in: 0..<other.count, using: &random)
                bytes = Array(bytes.prefix(position)) + Array(other.suffix(from: cut))
            default:
                if let digit = bytes.indices.filter({ bytes[$0] >= 48 && bytes[$0] <= 57 }).randomElement(
                    using: &random)
                {
                    bytes[digit] = UInt8.random(in: 48...57, using: &random)
                }
            }
        }
        return bytes
    }
}

/// The first `lines` lines of a fixture, as bytes.
func fixtureHead(_ name: String, lines: Int) throws -> [UInt8] {
    let text = try String(contentsOfFile: fixturesDirectory + "/" + name, encoding: .utf8)
    return Array(
        text.split(separator: "\n", omittingEmptySubsequences: false).prefix(lines).joined(separator: "\n").utf8)
        + [10]
}
