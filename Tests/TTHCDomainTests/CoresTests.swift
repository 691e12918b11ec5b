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
}
