import Foundation
import Ledger
import TTHCDomain
import TTHCImport
import TTHCWorkload
import Testing

/// The `Fixtures/` directory of the package.
let fixturesDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Fixtures").path

/// Opens (creating) a domain ledger in `path`, without fsync: these ledgers are thrown away.
func openDomainLedger(_ path: String) throws -> DomainLedger {
    try DomainLedger(ledger: openLedger(path))
}

/// Imports every fixture file into a new domain ledger in `path`, as `tthc demo` does, in small
/// batches so that the domain projection is folded inline, one append after another.
@discardableResult
func importFixtures(into path: String, batchSize: Int = 250) throws -> DomainLedger {
    let domain = try openDomainLedger(path)
    let importer = Importer(ledger: domain)
    var options = ImportOptions()
    options.batchSize = batchSize
    for file in ["calendar.csv", "units.csv", "procedures.csv", "plan-tasks.csv", "dossiers.csv", "dossiers.jsonl"] {
        try importer.run(.file(path: fixturesDirectory + "/" + file), options: options)
    }
    return domain
}

/// Writes a generated province of `dossiers` dossiers into a new domain ledger in `path`, batch
/// by batch. Even batches go through ``DomainLedger/append(_:)`` (validated and folded inline);
/// odd ones straight into the log behind the projection's back, so that the next domain append
/// first catches the projection up, `chunkSize` events per write transaction.
@discardableResult
func writeGeneratedLedger(
    into path: String, dossiers: Int, seed: UInt64 = 7, batchSize: Int = 400, chunkSize: Int = 97
) throws -> DomainLedger {
    let domain = try openDomainLedger(path)
    domain.engine.chunkSize = chunkSize
    var batch = 0
    try Workload(seed: seed, dossiers: dossiers).forEachBatch(size: batchSize) { entries in
        if batch % 2 == 0 {
            try domain.append(entries)
        } else {
            try domain.ledger.append(entries.map { try $0.draft() })
        }
        batch += 1
    }
    try domain.engine.catchUp()
    return domain
}

/// Expects two states of the domain projection to be equal table by table, naming the tables
/// that differ and how, so that a failure points at the part of the fold that went wrong.
func expectSameState(
    _ actual: [[[UInt8]: [UInt8]]], _ expected: [[[UInt8]: [UInt8]]], _ what: String,
    sourceLocation: SourceLocation = #_sourceLocation
) {
    let names = DomainProjection().tableNames
    #expect(actual.count == names.count && expected.count == names.count, sourceLocation: sourceLocation)
    for (index, name) in names.enumerated() where index < actual.count && index < expected.count {
        let left = actual[index]
        let right = expected[index]
        guard left != right else { continue }
        let missing = right.keys.filter { left[$0] == nil }.count
        let extra = left.keys.filter { right[$0] == nil }.count
        let changed = left.keys.filter { right[$0] != nil && right[$0] != left[$0] }.count
        Issue.record(
            "\(what): table \(name) differs: \(missing) entries missing, \(extra) extra, \(changed) changed",
            sourceLocation: sourceLocation)
    }
}

/// The number of entries in the named table of a domain state.
func entryCount(_ state: [[[UInt8]: [UInt8]]], table name: String) -> Int {
    guard let index = DomainProjection().tableNames.firstIndex(of: name), index < state.count else { return 0 }
    return state[index].count
}

/// The domain projection under another version: the same fold and tables, so that bumping the
/// version must rebuild it to the very same state.
final class RenumberedDomainProjection: Projection {
    let inner = DomainProjection()
    let version: UInt32

    init(version: UInt32) { self.version = version }

    var name: String { inner.name }
    var tableNames: [String] { inner.tableNames }

    func validate(_ event: EventView, against store: any ProjectionStore) throws {
        try inner.validate(event, against: store)
    }

    func apply(_ event: EventView, to store: any ProjectionStore) throws {
        try inner.apply(event, to: store)
    }
}
