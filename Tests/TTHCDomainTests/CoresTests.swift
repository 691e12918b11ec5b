import Testing

@testable import TTHCDomain

@Suite struct CoresTests {
    struct Refused: Error, Equatable {
        let index: Int
    }

    @Test(arguments: [0, 1, 2_047, 2_048, 10_001])
    func mapKeepsTheOrderOfTheIndexesOnOneCoreOrMany(_ count: Int) throws {
        #expect(try Cores.map(count) { $0 * 3 } == (0..<count).map { $0 * 3 })
    }

    @Test func mapRethrowsTheErrorOfTheFirstIndexThatThrew() {
        #expect(throws: Refused(index: 3_000)) {
            try Cores.map(10_000) { index in
                if index == 3_000 || index == 9_000 { throw Refused(index: index) }
                return index
            }
        }
    }

    @Test(arguments: [false, true])
    func backgroundWorkGivesItsResultOrItsError(inline: Bool) throws {
        let sum = Cores.Background(inline: inline) { (1...100_000).reduce(0, +) }
        #expect(try sum.value() == 5_000_050_000)
        let refused = Cores.Background(inline: inline) { () throws -> Int in throw Refused(index: 7) }
        #expect(throws: Refused(index: 7)) { try refused.value() }
    }
}
