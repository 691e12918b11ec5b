import Ledger
import SwiftProtobuf

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The messages the domain projection decoded last, so that the same bytes are not decoded twice:
/// the payload a validation read, which the fold right after it reads again, and the procedures
/// whose processing time every receipt looks up. (A dossier a validation read waits for the fold
/// in the transaction's ``DossierBuffer``.)
///
/// A message is reused only when the bytes it came from equal the bytes read now — a key alone is
/// never trusted — so a write that was aborted, an append by another process, or a replay in
/// memory can never be served a stale message.
///
/// `@unchecked Sendable`: the projection is shared by appends and replays that may run on
/// different threads, so every access to the stored messages holds `mutex`; decoding runs
/// outside it.
final class DecodedMessages: @unchecked Sendable {
    private let mutex: UnsafeMutablePointer<pthread_mutex_t>
    private var event: (type: [UInt8], schemaVersion: UInt32, payload: [UInt8], decoded: DomainEvent)?
    private var procedures: [String: (bytes: [UInt8], decoded: ProcedureState)] = [:]
    /// Procedures kept at most; a catalogue larger than this starts over.
    private static let procedureLimit = 4_096

    init() {
        mutex = .allocate(capacity: 1)
        pthread_mutex_init(mutex, nil)
    }

    deinit {
        pthread_mutex_destroy(mutex)
        mutex.deallocate()
    }

    private func locked<Result>(_ body: () -> Result) -> Result {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        return body()
    }

    /// The domain event stored in `view`.
    func event(_ view: EventView) throws -> DomainEvent {
        let payload = Array(view.payload)
        let remembered = locked { () -> DomainEvent? in
            guard let event, event.schemaVersion == view.schemaVersion, sameBytes(event.payload, payload),
                event.type.withUnsafeBytes({ sameBytes($0, view.typeBytes) })
            else { return nil }
            return event.decoded
        }
        if let remembered { return remembered }
        let decoded = try DomainEvent(typeName: view.type, schemaVersion: view.schemaVersion, payload: payload)
        locked { event = (Array(view.typeBytes), view.schemaVersion, payload, decoded) }
        return decoded
    }

    /// The procedure stored under `code`, if any.
    func procedure(_ code: String, in store: any ProjectionStore) throws -> ProcedureState? {
        guard let bytes = try store.value(DomainTables.procedures, forKey: Array(code.utf8)) else { return nil }
        let remembered = locked { procedures[code].flatMap { sameBytes($0.bytes, bytes) ? $0.decoded : nil } }
        if let remembered { return remembered }
        let decoded = try ProcedureState(serializedBytes: bytes)
        locked {
            if procedures.count >= Self.procedureLimit { procedures.removeAll(keepingCapacity: true) }
            procedures[code] = (bytes, decoded)
        }
        return decoded
    }
}

private func sameBytes(_ lhs: [UInt8], _ rhs: [UInt8]) -> Bool {
    lhs.withUnsafeBytes { left in rhs.withUnsafeBytes { sameBytes(left, $0) } }
}

private func sameBytes(_ lhs: UnsafeRawBufferPointer, _ rhs: UnsafeRawBufferPointer) -> Bool {
    guard lhs.count == rhs.count else { return false }
    return lhs.isEmpty || memcmp(lhs.baseAddress!, rhs.baseAddress!, lhs.count) == 0
}
