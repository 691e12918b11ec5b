import ArgumentParser
import Ledger

struct StatsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats", abstract: "Print sizes and counts: events by type, streams, bytes.")

    @OptionGroup var options: LedgerOptions

    func run() throws {
        let stats = try options.open().statistics()
        print("head: \(stats.head.seq) \(stats.head.hashHex)")
        print("streams: \(stats.streamCount)")
        print("log bytes: \(stats.logBytes)")
        print("used bytes: \(stats.usedBytes) of map \(stats.mapSize)")
        if let first = stats.firstRecordedAt, let last = stats.lastRecordedAt {
            print("recorded: \(first) … \(last)")
        }
        for (type, count) in stats.eventsByType.sorted(by: { $0.key < $1.key }) {
            print("events \(type): \(count)")
        }
    }
}
