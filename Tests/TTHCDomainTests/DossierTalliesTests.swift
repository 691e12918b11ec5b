import Ledger
import Testing

@testable import TTHCDomain

/// The tally rows' counters as stored: little-endian `Int64`s, as many as the row has, summed
/// counter by counter, a row refused rather than cut short when it holds more than a row can.
@Suite struct DossierTalliesTests {
    typealias Counters = DossierTallies.Counters

    @Test func countersReadBackWhatTheyStoreAndSumToTheLongerTerm() throws {
        let receipt = Counters(SIMD8(1, 1, 0, 0, 1, 1, 4, 2), count: 8)
        let stored = receipt.bytes
        #expect(stored.count == 64)
        #expect(stored.prefix(8) == [1, 0, 0, 0, 0, 0, 0, 0])
        #expect(Counters(bytes: stored) == receipt)

        var sum = Counters(one: 3)
        sum.add(receipt, times: -1)
        #expect(sum.count == 8)
        let minusOne = [UInt8](repeating: 0xFF, count: 8)
        #expect(Array(sum.bytes.prefix(16)) == [2, 0, 0, 0, 0, 0, 0, 0] + minusOne)
        sum.add(receipt, times: 1)
        sum.add(Counters(one: 3), times: -1)
        #expect(sum.isZero)
        #expect(Counters(bytes: []) == Counters())
    }

    @Test func aStoredRowOfMoreCountersThanARowHoldsIsRefused() throws {
        #expect(Counters(bytes: [UInt8](repeating: 1, count: 72)) == nil)

        let store = MemoryProjectionStore(tableCount: DomainTables.names.count)
        let key = DossierTallies.spanKey(days: 3)
        try store.put(DomainTables.spans, key: key, value: [UInt8](repeating: 0, count: 72))
        var facts = DossierFacts(DossierState())
        facts.receivedAt = 1_735_000_000_000_000
        facts.endedAt = facts.receivedAt + 3 * 86_400_000_000
        let changes = DossierTallies.Changes([DossierTallies.Change(from: nil, to: facts)])
        #expect(throws: LedgerError.self) { try changes.write(to: store) }
        #expect(try store.value(DomainTables.spans, forKey: key)?.count == 72, "left as it was")
    }
}
