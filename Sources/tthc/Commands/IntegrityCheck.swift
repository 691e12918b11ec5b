import Ledger
import TTHCDomain

/// The checks `tthc verify` makes and `--issue` requires: the hash chain and its indexes, then
/// every projection against what the log gives.
struct IntegrityCheck {
    /// What was checked, for the line `verify` prints.
    var chain: VerificationReport
    var projectionsCompared: [String]

    /// Runs both checks; a failure is exit 2 naming the first bad `seq` or the projection.
    static func run(
        _ domain: DomainLedger, chainOnly: Bool = false, progress: ((UInt64, UInt64) -> Void)? = nil
    ) throws -> IntegrityCheck {
        let chain = try domain.ledger.verify(progress: progress)
        if let problem = chain.problem {
            let seq = chain.firstBadSeq.map { "first bad seq \($0)" } ?? "no single seq"
            throw CommandFailure(message: "verification failed: \(seq): \(problem)", exitStatus: 2)
        }
        var compared = [String]()
        if !chainOnly {
            for projection in domain.engine.projections {
                switch try domain.engine.check(projection) {
                case .matches: compared.append(projection.name)
                case .notComparable: break
                case .differs(let problem):
                    throw CommandFailure(
                        message: "verification failed: \(problem); `tthc rebuild \(projection.name)` folds it "
                            + "again from the log",
                        exitStatus: 2)
                }
            }
        }
        return IntegrityCheck(chain: chain, projectionsCompared: compared)
    }
}
