import Ledger

/// The dossier facts a ``DossierCorrected`` event may fix, by their JSON names, and how a value
/// is written: instants in RFC 3339, enums by their JSON names, counts as decimals, flags as
/// `true`/`false`.
public enum DossierCorrectionField: String, CaseIterable, Sendable {
    case procedureCode, competentUnit, receivingUnit, channel, applicantKind, receivedAt, dueAt
    case digitized, onlinePayment, documentsRequired, documentsReused, resolvedAt, returnedAt, withdrawnAt

    /// Why `value` cannot be this field's value, or `nil` when it can.
    public func problem(with value: String) -> String? {
        switch self {
        case .procedureCode, .competentUnit, .receivingUnit:
            return value.isEmpty ? "is empty" : nil
        case .channel:
            return Channel(jsonName: value).map { _ in nil } ?? "is not direct, online or postal"
        case .applicantKind:
            return ApplicantKind(jsonName: value).map { _ in nil } ?? "is not citizen, business, agency or other"
        case .receivedAt, .dueAt, .resolvedAt, .returnedAt, .withdrawnAt:
            guard let instant = Timestamp(iso8601: value) else { return "is not an RFC 3339 instant" }
            return DomainRules.yearProblem(instant.microsecondsSinceEpoch)
        case .digitized, .onlinePayment:
            return value == "true" || value == "false" ? nil : "is not true or false"
        case .documentsRequired, .documentsReused:
            return UInt32(value) == nil ? "is not a whole number" : nil
        }
    }

    /// Sets the field of `dossier` to `value` (already checked by ``problem(with:)``).
    func apply(_ value: String, to dossier: inout DossierState) throws {
        let instant = Timestamp(iso8601: value)?.microsecondsSinceEpoch
        switch self {
        case .procedureCode: dossier.procedureCode = value
        case .competentUnit: dossier.competentUnit = value
        case .receivingUnit: dossier.receivingUnit = value
        case .channel: dossier.channel = Channel(jsonName: value) ?? dossier.channel
        case .applicantKind: dossier.applicantKind = ApplicantKind(jsonName: value) ?? dossier.applicantKind
        case .receivedAt: if let instant { dossier.receivedAt = instant }
        case .dueAt:
            if let instant {
                dossier.givenDueKnown = true
                dossier.givenDueAt = instant
            }
        case .digitized: dossier.digitized = value == "true"
        case .onlinePayment: dossier.onlinePayment = value == "true"
        case .documentsRequired: dossier.documentsRequired = UInt32(value) ?? dossier.documentsRequired
        case .documentsReused: dossier.documentsReused = UInt32(value) ?? dossier.documentsReused
        case .resolvedAt: if let instant { dossier.resolvedAt = instant }
        case .returnedAt: if let instant { dossier.returnedAt = instant }
        case .withdrawnAt: if let instant { dossier.withdrawnAt = instant }
        }
    }

    /// The current value of the field in `dossier`, written as a correction writes it.
    public func value(in dossier: DossierState) -> String {
        func instant(_ micros: Int64) -> String { VietnamTime.formatISO8601(utcMicroseconds: micros) }
        switch self {
        case .procedureCode: return dossier.procedureCode
        case .competentUnit: return dossier.competentUnit
        case .receivingUnit: return dossier.receivingUnit
        case .channel: return dossier.channel.jsonName
        case .applicantKind: return dossier.applicantKind.jsonName
        case .receivedAt: return instant(dossier.receivedAt)
        case .dueAt: return dossier.givenDueKnown ? instant(dossier.givenDueAt) : ""
        case .digitized: return String(dossier.digitized)
        case .onlinePayment: return String(dossier.onlinePayment)
        case .documentsRequired: return String(dossier.documentsRequired)
        case .documentsReused: return String(dossier.documentsReused)
        case .resolvedAt: return dossier.resolved ? instant(dossier.resolvedAt) : ""
        case .returnedAt: return dossier.returned ? instant(dossier.returnedAt) : ""
        case .withdrawnAt: return dossier.withdrawn ? instant(dossier.withdrawnAt) : ""
        }
    }
}

extension Channel {
    /// The SPEC name: `direct`, `online` or `postal`.
    public init?(jsonName: String) {
        switch jsonName {
        case "direct": self = .direct
        case "online": self = .online
        case "postal": self = .postal
        default: return nil
        }
    }

    public var jsonName: String {
        switch self {
        case .direct: "direct"
        case .online: "online"
        case .postal: "postal"
        default: "unspecified"
        }
    }
}

extension ApplicantKind {
    /// The SPEC name: `citizen`, `business`, `agency` or `other`.
    public init?(jsonName: String) {
        switch jsonName {
        case "citizen": self = .citizen
        case "business": self = .business
        case "agency": self = .agency
        case "other": self = .other
        default: return nil
        }
    }

    public var jsonName: String {
        switch self {
        case .citizen: "citizen"
        case .business: "business"
        case .agency: "agency"
        case .other: "other"
        default: "unspecified"
        }
    }
}
