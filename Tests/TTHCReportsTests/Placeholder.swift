import Testing

@Suite struct TTHCReportsTestsPlaceholder {
    @Test func packageBuilds() { #expect(Bool(true)) }
}
