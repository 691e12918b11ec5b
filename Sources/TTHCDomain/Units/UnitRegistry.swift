/// The administrative units that receive and resolve dossiers, and who succeeded whom.
///
/// The 2025 restructuring merged provinces and abolished districts, and unit codes changed with it.
/// Reports must show history as it was organised — a period ending before a merger keeps the old
/// unit — and a period ending after it under the successor. The registry keeps each unit's merger
/// with its effective date (from `UnitRegistered` and `UnitMerged` events) and resolves the unit a
/// code reports as on any date, following chains of mergers.
///
/// ```swift
/// try registry.merge(code: "A", into: "B", effective: LocalDate(iso: "2025-03-01")!)
/// try registry.merge(code: "B", into: "C", effective: LocalDate(iso: "2025-07-01")!)
/// registry.reportingUnit(for: "A", periodEndingOn: LocalDate(iso: "2025-06-14")!)   // "B"
/// registry.reportingUnit(for: "A", periodEndingOn: LocalDate(iso: "2025-09-14")!)   // "C"
/// ```
public struct UnitRegistry: Sendable, Equatable {
    /// A registered unit (*đơn vị*), as its `UnitRegistered` event described it.
    public struct Unit: Hashable, Sendable {
        /// The unit's code (*mã đơn vị*), e.g. `000.00.31.H23`.
        public let code: String
        /// The unit's name.
        public let name: String
        /// Its tier of government.
        public let level: AdministrativeLevel
        /// The code of the unit above it, if any; not required to be registered.
        public let parent: String?
        /// The day it started to exist.
        public let effectiveFrom: LocalDate
        /// Its merger into a successor, once one is registered.
        public internal(set) var merger: Merger?
    }

    /// A unit's merger into its successor (*đơn vị kế thừa*).
    public struct Merger: Hashable, Sendable {
        /// The successor's code.
        public let successor: String
        /// The first day the successor stands for the unit.
        public let effectiveFrom: LocalDate
    }

    private var units: [String: Unit] = [:]

    /// An empty registry.
    public init() {}

    /// The unit registered under `code`, if any.
    public subscript(code: String) -> Unit? {
        units[code]
    }

    /// The number of registered units.
    public var count: Int { units.count }

    /// Every registered unit, ordered by code.
    public var allUnits: [Unit] {
        units.values.sorted { $0.code < $1.code }
    }

    /// Registers a unit.
    ///
    /// Registering the same unit again with the same details does nothing, so replays and
    /// re-imports are harmless.
    ///
    /// - Throws: ``UnitRegistryError/Code/alreadyRegistered`` if `code` is registered with other details.
    public mutating func register(
        code: String,
        name: String,
        level: AdministrativeLevel,
        parent: String? = nil,
        effectiveFrom: LocalDate
    ) throws {
        if let existing = units[code] {
            guard existing.name == name, existing.level == level, existing.parent == parent,
                existing.effectiveFrom == effectiveFrom
            else {
                throw UnitRegistryError(
                    code: .alreadyRegistered,
                    message: "Unit \(code) is already registered as \"\(existing.name)\" (\(existing.level.rawValue), "
                        + "from \(existing.effectiveFrom)); a registration cannot change it. "
                        + "Use a new unit code, or correct the units file."
                )
            }
            return
        }
        units[code] = Unit(
            code: code, name: name, level: level, parent: parent, effectiveFrom: effectiveFrom, merger: nil)
    }

    /// Records that from `effective` on, unit `code` is succeeded by unit `successor`.
    ///
    /// Both units must be registered. Recording the same merger again does nothing.
    ///
    /// - Throws: ``UnitRegistryError/Code/unknownUnit`` if either code is not registered,
    ///   ``UnitRegistryError/Code/alreadyMerged`` if `code` already merges elsewhere or on another
    ///   date, ``UnitRegistryError/Code/mergeCycle`` if `successor`'s own chain of mergers leads back
    ///   to `code`.
    public mutating func merge(code: String, into successor: String, effective: LocalDate) throws {
        for unknown in [code, successor] where units[unknown] == nil {
            throw UnitRegistryError(
                code: .unknownUnit,
                message: "Cannot merge \(code) into \(successor): unit \(unknown) is not registered. "
                    + "Register it (units file, MaDonVi) before the merger."
            )
        }
        let merger = Merger(successor: successor, effectiveFrom: effective)
        if let existing = units[code]?.merger {
            guard existing == merger else {
                throw UnitRegistryError(
                    code: .alreadyMerged,
                    message: "Unit \(code) already merges into \(existing.successor) from \(existing.effectiveFrom); "
                        + "it cannot also merge into \(successor) from \(effective). "
                        + "Check MaDonViKeThua and NgayHieuLuc for \(code)."
                )
            }
            return
        }
        // The chains already recorded are acyclic, so this walk ends.
        var current: String? = successor
        while let step = current {
            if step == code {
                throw UnitRegistryError(
                    code: .mergeCycle,
                    message: "Cannot merge \(code) into \(successor): \(successor)'s successors lead back to \(code), "
                        + "so neither would ever stop reporting as the other. Check MaDonViKeThua for both units."
                )
            }
            current = units[step]?.merger?.successor
        }
        units[code]?.merger = merger
    }

    /// The unit directly succeeding `code` on `date`, or `nil` if `code` has not merged by then.
    ///
    /// One step only; ``reportingUnit(for:periodEndingOn:)`` follows the whole chain.
    public func successor(of code: String, on date: LocalDate) -> String? {
        guard let merger = units[code]?.merger, merger.effectiveFrom <= date else { return nil }
        return merger.successor
    }

    /// The code a unit's dossiers are reported under in a period ending on `periodEndingOn`.
    ///
    /// Follows mergers effective on or before that day, one after another: with A merged into B
    /// on 2025-03-01 and B into C on 2025-07-01, A reports as A for a period ending 2025-02-14, as B
    /// for one ending 2025-06-14 and as C for one ending 2025-09-14. A code the registry does not
    /// know reports as itself.
    public func reportingUnit(for code: String, periodEndingOn: LocalDate) -> String {
        var current = code
        while let next = successor(of: current, on: periodEndingOn) {
            current = next
        }
        return current
    }
}
