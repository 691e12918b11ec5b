import Ledger

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

// Appends durable batches forever, printing `committed N` after each commit, until killed.
// The crash-safety test runs it and kills it with SIGKILL at random moments.
// Usage: ledger-stress DIR FIRST-BATCH BATCH-SIZE [PAUSE-MICROSECONDS]

let arguments = CommandLine.arguments
guard arguments.count == 4 || arguments.count == 5, let first = Int(arguments[2]), let size = Int(arguments[3]),
    let pause = arguments.count == 5 ? UInt32(arguments[4]) : 0
else {
    print("usage: ledger-stress DIR FIRST-BATCH BATCH-SIZE [PAUSE-MICROSECONDS]")
    exit(1)
}
let ledger = try Ledger(directory: arguments[1], options: Ledger.Options(create: true))
let payload = [UInt8](repeating: 0x42, count: 200)
var batch = first
while true {
    let drafts = (0..<size).map { index in
        EventDraft(
            stream: "stress/\(index % 7)", type: "Stressed", payload: payload,
            occurredAt: Timestamp(secondsSinceEpoch: Int64(batch)), actor: "stress", eventId: "batch-\(batch)-\(index)")
    }
    try ledger.append(drafts)
    let line = Array("committed \(batch)\n".utf8)
    _ = line.withUnsafeBytes { write(1, $0.baseAddress, $0.count) }
    batch += 1
    if pause > 0 { usleep(pause) }
}
