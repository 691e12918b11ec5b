import Ledger

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

// Appends durable batches, printing `committed N` after each commit, until killed, until it has
// written BATCHES batches when that is given, or as soon as the process that started it is gone
// (so a writer left behind by a killed test run cannot fill the disk).
// The crash-safety test runs it and kills it with SIGKILL at random moments; the backup test
// lets a bounded writer append while it copies the ledger.
// Usage: ledger-stress DIR FIRST-BATCH BATCH-SIZE [PAUSE-MICROSECONDS [BATCHES]]

let arguments = CommandLine.arguments
guard (4...6).contains(arguments.count), let first = Int(arguments[2]), let size = Int(arguments[3]),
    let pause = arguments.count >= 5 ? UInt32(arguments[4]) : 0,
    let batches = arguments.count == 6 ? Int(arguments[5]) : Int.max
else {
    print("usage: ledger-stress DIR FIRST-BATCH BATCH-SIZE [PAUSE-MICROSECONDS [BATCHES]]")
    exit(1)
}
let parent = getppid()
let ledger = try Ledger(directory: arguments[1], options: Ledger.Options(create: true))
let payload = [UInt8](repeating: 0x42, count: 200)
var batch = first
while batch - first < batches && getppid() == parent {
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
