/// Fixed-width ASCII decimal fields, read and written without Foundation.
///
/// Dates cross the ledger's boundary as `yyyy-MM-dd`, `yyyyMMdd` and the portal's
/// `yyyyMMddHHmmss`; all three are runs of fixed-width digit fields, and importers read hundreds of
/// thousands of them, so they are parsed straight from UTF-8 bytes rather than through a formatter.
enum DecimalText {
    private static let zero = UInt8(ascii: "0")

    /// Calls `body` with the UTF-8 bytes of `text`, contiguous.
    static func withBytes<Result>(
        of text: String,
        _ body: (UnsafeBufferPointer<UInt8>) -> Result
    ) -> Result {
        var text = text
        return text.withUTF8(body)
    }

    /// The value of `count` ASCII digits starting at `start`, or `nil` if any of them is not a digit.
    static func value(in bytes: UnsafeBufferPointer<UInt8>, at start: Int, count: Int) -> Int? {
        var value = 0
        for index in start..<(start + count) {
            let digit = bytes[index] &- zero
            guard digit < 10 else { return nil }
            value = value * 10 + Int(digit)
        }
        return value
    }

    /// Appends `value` zero-padded to at least `width` digits, with a leading `-` when negative.
    static func append(_ value: Int, width: Int, to bytes: inout [UInt8]) {
        if value < 0 {
            bytes.append(UInt8(ascii: "-"))
        }
        var magnitude = value.magnitude
        var length = 1
        var probe = magnitude
        while probe >= 10 {
            probe /= 10
            length += 1
        }
        let fieldWidth = Swift.max(width, length)
        bytes.append(contentsOf: repeatElement(zero, count: fieldWidth))
        var index = bytes.count - 1
        repeat {
            bytes[index] = zero + UInt8(magnitude % 10)
            magnitude /= 10
            index -= 1
        } while magnitude > 0
    }
}
