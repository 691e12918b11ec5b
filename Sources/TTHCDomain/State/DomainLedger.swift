import Ledger
import SwiftProtobuf

/// The ledger as the domain sees it: domain events in, validated and folded into the domain
/// projection in the same write transaction; typed state out, live or as of a past position.
public final class DomainLedger {
    public let ledger: Ledger
    public let engine: ProjectionEngine
    public let projection: DomainProjection

    /// An event to record with the envelope facts its caller gives.
    public struct Entry: Sendable {
        public var event: DomainEvent
        /// Business time: when it happened at the desk.
        public var occurredAt: Timestamp
        /// The unit code that recorded it.
        public var actor: String
        /// An id derived from the source facts makes re-recording a no-op.
        public var eventId: String?
        public var expectedVersion: ExpectedVersion

        public init(
            _ event: DomainEvent, occurredAt: Timestamp, actor: String, eventId: String? = nil,
            expectedVersion: ExpectedVersion = .any
        ) {
            self.event = event
            self.occurredAt = occurredAt
            self.actor = actor
            self.eventId = eventId
            self.expectedVersion = expectedVersion
        }

        /// The envelope draft the log stores.
        public func draft() throws -> EventDraft {
            EventDraft(
                stream: event.streamName, type: event.typeName, schemaVersion: event.schemaVersion,
                payload: try event.serializedPayload(), occurredAt: occurredAt, actor: actor, eventId: eventId,
                expectedVersion: expectedVersion)
        }
    }

    public init(ledger: Ledger) throws {
        self.ledger = ledger
        projection = DomainProjection()
        engine = try ProjectionEngine(ledger: ledger, projections: [projection])
    }

    /// Opens the ledger in `directory` with its domain projection.
    public convenience init(directory: String, options: Ledger.Options = Ledger.Options()) throws {
        try self.init(ledger: Ledger(directory: directory, options: options))
    }

    /// Validates and appends `entries` in one write transaction: all of them or none.
    @discardableResult
    public func append(_ entries: [Entry]) throws -> AppendOutcome {
        // The payloads are encoded on every core.
        let drafts = try Cores.map(entries.count) { try entries[$0].draft() }
        return try readingStoredState { try engine.append(drafts) }
    }

    /// Runs `body` over the live state, caught up to the head, with the position it reflects.
    public func withState<Result>(_ body: (DomainState, LedgerPosition) throws -> Result) throws -> Result {
        try readingStoredState {
            try engine.read(projection) { store, position in try body(DomainState(store: store), position) }
        }
    }

    /// The state as it stood after `seq`, folded in memory from the log (forensic replay).
    public func state(asOf seq: UInt64) throws -> (DomainState, LedgerPosition) {
        let store = try engine.replay(projection, through: seq)
        let position = try seq == 0 ? LedgerPosition.genesis : ledger.event(at: seq)?.position ?? .genesis
        return (DomainState(store: store), position)
    }

    /// Whether a unit with this code was ever registered.
    public func knowsUnit(_ code: String) throws -> Bool {
        try withState { state, _ in try state.units().contains { $0.code == code } }
    }

    /// Runs `body`, which decodes stored projection state: a message that does not decode was
    /// damaged on disk (the fold only stores what it encoded), so it is an integrity failure
    /// naming the projection, not a decoding error.
    private func readingStoredState<Result>(_ body: () throws -> Result) throws -> Result {
        do {
            return try body()
        } catch let error as BinaryDecodingError {
            throw LedgerError(
                .integrity,
                "the stored state of projection \(projection.name) cannot be decoded: it is damaged; "
                    + "`tthc verify` names the damage and `tthc rebuild \(projection.name)` folds it again from the log",
                underlying: error)
        }
    }
}
