/// A named, versioned fold over the event log.
///
/// Its state lives in its tables; the engine stores, in the same write transaction as the
/// state, the last `seq` applied. Bump ``version`` whenever ``apply(_:to:)`` or the table
/// layout changes: the engine then rebuilds the projection from `seq` 1 in a shadow copy.
public protocol Projection: AnyObject, Sendable {
    /// A stable name, e.g. `domain`.
    var name: String { get }
    /// The version of the fold and its layout.
    var version: UInt32 { get }
    /// The names of the tables it keeps; ``ProjectionTable`` indexes this list.
    var tableNames: [String] { get }

    /// Checks that `event` may be appended to the state as it stands. Runs only for new events,
    /// before ``apply(_:to:)``; throwing aborts the whole append.
    func validate(_ event: EventView, against store: any ProjectionStore) throws

    /// Folds `event` into the state. Must not throw for an event it validated.
    func apply(_ event: EventView, to store: any ProjectionStore) throws

    /// Work on `event` that needs no state, such as decoding its payload, which the engine may do
    /// ahead of ``apply(_:prepared:to:)`` on another thread while earlier events are folded;
    /// `nil` when there is nothing to prepare. Must be safe to call from any thread. The engine
    /// prepares only runs of events long enough to be worth it, and passes `nil` for the others:
    /// given `nil`, a projection works out what it needs itself.
    func prepare(_ event: EventView) -> (any Sendable)?

    /// Folds `event` into the state with what ``prepare(_:)`` returned for it, or `nil` when the
    /// engine prepared nothing.
    func apply(_ event: EventView, prepared: (any Sendable)?, to store: any ProjectionStore) throws

    /// ``validate(_:against:)`` with what ``prepare(_:)`` returned for `event`, or `nil` when the
    /// engine prepared nothing.
    func validate(_ event: EventView, prepared: (any Sendable)?, against store: any ProjectionStore) throws
}

extension Projection {
    public func validate(_ event: EventView, against store: any ProjectionStore) throws {}

    public func prepare(_ event: EventView) -> (any Sendable)? { nil }

    public func apply(_ event: EventView, prepared: (any Sendable)?, to store: any ProjectionStore) throws {
        try apply(event, to: store)
    }

    public func validate(_ event: EventView, prepared: (any Sendable)?, against store: any ProjectionStore) throws {
        try validate(event, against: store)
    }
}

/// A projection's version, checkpoint and lag, for `tthc projections status`.
public struct ProjectionStatus: Sendable, Hashable {
    public var name: String
    /// The version the code declares.
    public var codeVersion: UInt32
    /// The version of the active stored state (0 when never built).
    public var storedVersion: UInt32
    /// The last `seq` folded into the active state.
    public var checkpoint: UInt64
    /// Events appended since the checkpoint.
    public var lag: UInt64
    /// A rebuild in progress: its version and checkpoint.
    public var shadow: (version: UInt32, checkpoint: UInt64)?

    /// Whether the stored state is of another version than the code's.
    public var needsRebuild: Bool { storedVersion != codeVersion }

    public static func == (lhs: ProjectionStatus, rhs: ProjectionStatus) -> Bool {
        lhs.name == rhs.name && lhs.codeVersion == rhs.codeVersion && lhs.storedVersion == rhs.storedVersion
            && lhs.checkpoint == rhs.checkpoint && lhs.lag == rhs.lag && lhs.shadow?.version == rhs.shadow?.version
            && lhs.shadow?.checkpoint == rhs.shadow?.checkpoint
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(name)
        hasher.combine(checkpoint)
    }
}
