import Testing

@Suite struct CLITestsPlaceholder {
    @Test func packageBuilds() { #expect(Bool(true)) }
}
