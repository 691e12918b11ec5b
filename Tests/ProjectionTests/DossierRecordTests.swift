import SwiftProtobuf
import TTHCWorkload
import Testing

@testable import TTHCDomain

/// The fold's plain dossier record writes exactly the bytes swift-protobuf writes for the same
/// ``DossierState``, so that the `dossiers` table keeps its layout, and converts both ways
/// without losing a field.
@Suite struct DossierRecordTests {
    /// Field values drawn from the workload's seeded generator, so that a failure names a state
    /// that can be made again.
    struct Draws {
        var random: SplitMix64

        mutating func next() -> UInt64 { random.next() }

        /// Often the field's default, so that leaving defaults out is exercised as much as writing.
        mutating func int64() -> Int64 {
            switch next() % 5 {
            case 0, 1: 0
            case 2: Int64(bitPattern: next())
            case 3: -Int64(next() % 1_000)
            default: Int64(next() % 2_000_000_000_000_000)
            }
        }

        mutating func uint32() -> UInt32 { next() % 3 == 0 ? 0 : UInt32(truncatingIfNeeded: next() >> (next() % 32)) }
        mutating func bool() -> Bool { next() % 2 == 0 }
        mutating func count(_ limit: UInt64) -> Int { next() % 3 == 0 ? 0 : Int(next() % limit) }

        mutating func text() -> String {
            ["", "", "000.00.12.H40-250101-00042", "1.001234", "Sở Tư pháp", "x", String(repeating: "ă", count: 70)][
                Int(next() % 7)]
        }

        /// An enum value: unspecified, a known case, or one this code does not know (even negative).
        mutating func raw() -> Int { [0, 0, 1, 2, 3, 9, 200, -1][Int(next() % 8)] }
    }

    static func state(_ draws: inout Draws) -> DossierState {
        var state = DossierState()
        state.dossierID = draws.text()
        state.procedureCode = draws.text()
        state.competentUnit = draws.text()
        state.receivingUnit = draws.text()
        state.channel = Channel(rawValue: draws.raw()) ?? .unspecified
        state.applicantKind = ApplicantKind(rawValue: draws.raw()) ?? .unspecified
        state.received = draws.bool()
        state.receivedAt = draws.int64()
        state.givenDueKnown = draws.bool()
        state.givenDueAt = draws.int64()
        state.dueChanges = (0..<draws.count(4)).map { _ in
            .with {
                $0.effectiveAt = draws.int64()
                $0.dueAt = draws.int64()
                $0.seq = UInt64(bitPattern: draws.int64())
                $0.reason = draws.text()
            }
        }
        state.pauses = (0..<draws.count(4)).map { _ in
            .with {
                $0.from = draws.int64()
                $0.closed = draws.bool()
                $0.to = draws.int64()
                $0.kind = PauseKind(rawValue: draws.raw()) ?? .unspecified
                $0.seq = UInt64(bitPattern: draws.int64())
            }
        }
        state.digitized = draws.bool()
        state.onlinePayment = draws.bool()
        state.documentsRequired = draws.uint32()
        state.documentsReused = draws.uint32()
        state.processingDays = draws.uint32()
        state.processingDaysKnown = draws.bool()
        state.resolved = draws.bool()
        state.resolvedAt = draws.int64()
        state.outcome = Outcome(rawValue: draws.raw()) ?? .unspecified
        state.electronicResult = draws.bool()
        state.digitallySigned = draws.bool()
        state.returned = draws.bool()
        state.returnedAt = draws.int64()
        state.withdrawn = draws.bool()
        state.withdrawnAt = draws.int64()
        state.notAccepted = draws.bool()
        state.notAcceptedAt = draws.int64()
        state.seqs = (0..<draws.count(40)).map { _ in UInt64(bitPattern: draws.int64()) }
        state.corrections = (0..<draws.count(3)).map { _ in
            .with {
                $0.field = draws.text()
                $0.oldValue = draws.text()
                $0.newValue = draws.text()
                $0.seq = UInt64(bitPattern: draws.int64())
                $0.recordedAt = draws.int64()
            }
        }
        return state
    }

    @Test func aRecordWritesTheBytesOfItsStateAndConvertsBothWays() throws {
        var draws = Draws(random: SplitMix64(seed: 20_261_130))
        for index in 0..<3_000 {
            let state = Self.state(&draws)
            let record = DossierRecord(state)
            let expected: [UInt8] = try state.serializedBytes()
            #expect(try record.bytes() == expected, "state \(index)")
            #expect(record.state == state, "state \(index)")
            #expect(try DossierRecord(DossierState(serializedBytes: expected)) == record, "state \(index)")
        }
    }

    @Test func anEmptyRecordIsAnEmptyMessage() throws {
        #expect(try DossierRecord().bytes().isEmpty)
        #expect(DossierRecord().state == DossierState())
    }
}
