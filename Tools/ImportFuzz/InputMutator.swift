import TTHCWorkload

/// Breaks an input the way files get broken, with a bias for the bytes the readers care about.
struct InputMutator {
    var random: SplitMix64

    /// Quotes, separators, line breaks, JSON punctuation, digits, and bytes that are not UTF-8.
    static let interesting: [UInt8] =
        Array("\",;\n\r{}[]:\\\"0123456789-.+eE ".utf8) + [0x00, 0x09, 0x7F, 0xC3, 0xE2, 0xED, 0xF4, 0xFF, 0xBF, 0xEF]

    /// Whole fields that change a row's meaning rather than its syntax.
    static let tokens: [String] = [
        "", "null", "true", "[]", "{}", "\"\"", "1", "3", "5", "7", "9", "10", "11", "-1", "1e3", "20250230",
        "20250230083000", "19991231235959", "21010101000000", "99999999999999", "000.99.99.H23", "9.999999",
        "\"a,\"\"b\"\"\"", "[{\"NgayBoSung\":null}]", String(repeating: "9", count: 40),
    ]

    init(seed: UInt64) { random = SplitMix64(seed: seed) }

    mutating func chance(_ percent: Int) -> Bool { Int.random(in: 0..<100, using: &random) < percent }

    mutating func byte() -> UInt8 {
        chance(60) ? Self.interesting.randomElement(using: &random)! : UInt8.random(in: 0...255, using: &random)
    }

    mutating func randomBytes(maximumCount: Int) -> [UInt8] {
        (0..<Int.random(in: 0...maximumCount, using: &random)).map { _ in byte() }
    }

    /// One to six mutations of `input`; `other` is spliced in now and then.
    mutating func mutate(_ input: [UInt8], other: [UInt8]) -> [UInt8] {
        var bytes = input
        for _ in 0..<Int.random(in: 1...6, using: &random) {
            let position = bytes.isEmpty ? 0 : Int.random(in: 0..<bytes.count, using: &random)
            switch Int.random(in: 0..<10, using: &random) {
            case 0 where !bytes.isEmpty:
                bytes[position] = byte()
            case 1:
                bytes.insert(contentsOf: (0..<Int.random(in: 1...4, using: &random)).map { _ in byte() }, at: position)
            case 2 where !bytes.isEmpty:
                bytes.removeSubrange(position..<min(bytes.count, position + Int.random(in: 1...32, using: &random)))
            case 3 where !bytes.isEmpty:
                let end = min(bytes.count, position + Int.random(in: 1...200, using: &random))
                let copies = Int.random(in: 1...3, using: &random)
                for _ in 0..<copies { bytes.insert(contentsOf: Array(bytes[position..<end]), at: end) }
            case 4:
                bytes = Array(bytes.prefix(position))
            case 5:
                var lines = bytes.split(separator: 10, omittingEmptySubsequences: false).map(Array.init)
                lines.shuffle(using: &random)
                bytes = Array(lines.joined(separator: [10]))
            case 6 where !other.isEmpty:
                let cut = Int.random(in: 0..<other.count, using: &random)
                bytes = Array(bytes.prefix(position)) + Array(other.suffix(from: cut))
            case 7:
                // Replace one field (between separators) with a token.
                let separators: Set<UInt8> = [44, 10, 58]
                guard let start = bytes[position...].firstIndex(where: { separators.contains($0) }) else { break }
                let end =
                    bytes[(start + 1)...].firstIndex(where: { separators.contains($0) || $0 == 125 }) ?? bytes.count
                bytes.replaceSubrange(
                    (start + 1)..<end, with: Array(Self.tokens.randomElement(using: &random)!.utf8))
            case 8:
                if let line = bytes[position...].firstIndex(of: 10) {
                    let next = bytes[(line + 1)...].firstIndex(of: 10) ?? bytes.count
                    bytes.insert(contentsOf: Array(bytes[line..<next]), at: line)
                }
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
